package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reapi.client.model.BulkResult;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.client.model.Comps;
import dev.reapi.client.model.KeyInfo;
import dev.reapi.client.model.Property;
import dev.reapi.client.model.SearchRequest;
import dev.reapi.client.testing.MutableClock;
import dev.reapi.client.testing.SandboxFixture;
import dev.reapi.sandbox.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2-only operations of the client against the in-process sandbox's {@code /v2}. */
class V2SandboxTest {

    private static SandboxFixture fixture;
    private static RealEstateApiClient v1;
    private static RealEstateApiClient v2;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.shared();
        v1 = ProvidersSandboxTest.client(Provider.V1);
        v2 = ProvidersSandboxTest.client(Provider.V2);
    }

    @AfterAll
    static void stop() {
        v1.close();
        v2.close();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
    }

    @Test
    void comps_knownSubject_listsNearestSameTypeSoldPropertiesBilledPerComp() {
        Property subject = v2.getProperty(SandboxFixture.id(31));

        Comps comps = v2.comps(subject.id());

        assertThat(comps.subjectId()).isEqualTo(subject.id());
        assertThat(comps.subjectEstimatedValue())
                .isEqualTo(v2.getValuation(subject.id()).estimatedValue());
        assertThat(comps.comps()).hasSizeLessThanOrEqualTo(10);
        assertThat(comps.comps())
                .allSatisfy(
                        c -> {
                            assertThat(c.propertyId()).isNotEqualTo(subject.id());
                            assertThat(c.propertyType()).isEqualTo(subject.propertyType());
                            assertThat(c.lastSale()).isNotNull();
                            assertThat(c.distanceMiles()).isLessThanOrEqualTo(5.0);
                        })
                .isSortedAccordingTo(
                        (a, b) -> Double.compare(a.distanceMiles(), b.distanceMiles()));
        assertThat(fixture.sandbox().stats().records("v2.PropertyComps"))
                .isEqualTo(comps.comps().size());
    }

    @Test
    void comps_unknownSubject_throwsNotFound() {
        assertThatThrownBy(() -> v2.comps("P000999999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void keyInfo_defaultKey_isATestKeyWithEveryClientScopeAndTheLimits() {
        KeyInfo info = v2.keyInfo();

        assertThat(info.isLive()).isFalse();
        assertThat(info.scopes()).containsAll(KeyInfo.CLIENT_SCOPES);
        assertThat(info.scopeReport(KeyInfo.CLIENT_SCOPES)).contains("has every required scope");
        assertThat(v2.health().isOk()).isTrue();
        assertThat(fixture.sandbox().stats().records("v2.KeyInfo")).isZero();
    }

    @Test
    void changeFiles_yesterday_rowsAreTheSandboxsLatestChangesOfThatDay() {
        LocalDate yesterday = today().minusDays(1);
        Instant from = yesterday.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(Duration.ofDays(1));
        List<ChangeRow> expected =
                v1.updatedSince(from)
                        .filter(p -> p.updatedAt().isBefore(to))
                        .map(p -> new ChangeRow(ChangeFile.Kind.MODIFIED, p.id(), p.updatedAt()))
                        .sorted(
                                (a, b) ->
                                        a.lastUpdateDate().equals(b.lastUpdateDate())
                                                ? a.propertyId().compareTo(b.propertyId())
                                                : a.lastUpdateDate().compareTo(b.lastUpdateDate()))
                        .toList();

        List<ChangeFile> files = v2.changeFiles(yesterday);

        assertThat(files)
                .extracting(ChangeFile::kind)
                .containsExactly(
                        ChangeFile.Kind.NEW, ChangeFile.Kind.MODIFIED, ChangeFile.Kind.DELETED);
        assertThat(files).allSatisfy(f -> assertThat(f.day()).isEqualTo(yesterday));
        assertThat(expected).isNotEmpty();
        assertThat(rows(files.get(1))).isEqualTo(expected);
        assertThat(files.get(1).sizeBytes()).isEqualTo(csvBytes(expected));
        assertThat(files.get(0).sizeBytes()).isEqualTo(csvBytes(List.of()));
        assertThat(rows(files.get(0))).isEmpty();
        assertThat(rows(files.get(2))).isEmpty();
        assertThat(fixture.sandbox().stats().records("v2.ChangeFiles")).isZero();
    }

    @Test
    void changeFiles_today_hasNoneYet() {
        assertThatThrownBy(() -> v2.changeFiles(today()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No change files found for date " + today());
    }

    @Test
    void streamChangeFile_afterExpiresAt_throwsExpiredWithoutDownloading() {
        ChangeFile modified = v2.changeFiles(today().minusDays(1)).get(1);

        fixture.clock().advance(Duration.ofMinutes(61));

        assertThatThrownBy(() -> v2.streamChangeFile(modified))
                .isInstanceOf(ChangeFileExpiredException.class);
    }

    @Test
    void streamChangeFile_linkTheSandboxCallsExpired_throwsExpired() {
        ChangeFile modified = v2.changeFiles(today().minusDays(1)).get(1);
        // The client's clock stays put, so only the sandbox's 403 can tell it the link expired.
        MutableClock behind = new MutableClock(fixture.clock().instant());
        fixture.clock().advance(Duration.ofMinutes(61));

        try (RealEstateApiClient late =
                fixture.clientBuilder().provider(Provider.V2).clock(behind).build()) {
            assertThatThrownBy(() -> late.streamChangeFile(modified).toList())
                    .isInstanceOf(ChangeFileExpiredException.class);
        }
    }

    @Test
    void changeFiles_dayBeforeTheHistory_throwsNotFound() {
        LocalDate tooOld = today().minusDays(400);

        assertThatThrownBy(() -> v2.changeFiles(tooOld))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(tooOld.toString());
    }

    @Test
    void getValuationByAddress_unparseableOrUnknown_throwsTypedWithoutRetry() {
        // A single lookup answers any miss, malformed address included, as "no results" (the
        // contract's 200 with an error inside); v1 refuses a malformed address with a 400.
        assertThatThrownBy(() -> v2.getValuationByAddress("nowhere at all"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> v2.getValuationByAddress("1 Nowhere St, Austin, TX 78701"))
                .isInstanceOf(NotFoundException.class);

        assertThat(fixture.sandbox().stats().requests("v2.PropertyAvm")).isEqualTo(2);
        assertThat(fixture.sandbox().stats().records("v2.PropertyAvm")).isZero();
    }

    @Test
    void keyInfo_dailyQuotaSpent_stillAnswersAndShowsTheQuota() {
        fixture.sandbox().setFaults(FaultSettings.none().withDailyQuotaRecords(1));
        v2.getProperty(SandboxFixture.id(1));

        KeyInfo info = v2.keyInfo();

        assertThat(info.recordsPerDay()).isEqualTo(1L);
        assertThat(v2.health().isOk()).isTrue();
        assertThatThrownBy(() -> v2.getProperty(SandboxFixture.id(2)))
                .isInstanceOf(QuotaExhaustedException.class);
    }

    @Test
    void getProperties_thousandIds_oneBulkCallInRequestOrder() {
        List<String> ids =
                LongStream.rangeClosed(1, 1_000)
                        .map(n -> 1_001 - n)
                        .mapToObj(SandboxFixture::id)
                        .toList();

        BulkResult result = v2.getProperties(ids);

        assertThat(result.properties()).extracting(Property::id).isEqualTo(ids);
        assertThat(result.missing()).isEmpty();
        assertThat(fixture.sandbox().stats().records("v2.PropertyDetailBulk")).isEqualTo(1_000);
    }

    @Test
    void getProperty_idInV2Form_answersInV1Form() {
        assertThat(v2.getProperty("42").id()).isEqualTo(SandboxFixture.id(42));
    }

    @Test
    void health_wrongKey_throwsUnauthorized() {
        try (RealEstateApiClient wrong =
                RealEstateApiClient.builder()
                        .provider(Provider.V2)
                        .apiKey("not-the-key")
                        .baseUrl(fixture.sandbox().baseUrl())
                        .build()) {
            assertThatThrownBy(wrong::health).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void search_radiusBelowTheV2Minimum_throwsBadRequestNamingTheMember() {
        assertThatThrownBy(() -> v2.search(SearchRequest.radius(40.8158, -73.0487, 0.005)))
                .isInstanceOf(BadRequestException.class)
                .satisfies(
                        e ->
                                assertThat(((BadRequestException) e).errors())
                                        .extracting(BadRequestException.FieldError::field)
                                        .containsExactly("radius"));
    }

    /** The size of the CSV the contract describes: a header, then one id and instant a line. */
    private static long csvBytes(List<ChangeRow> rows) {
        long size = "id,lastUpdateDate\n".length();
        for (ChangeRow row : rows) {
            String wireId = Long.toString(Long.parseLong(row.propertyId().substring(1)));
            size += wireId.length() + ",2026-11-30T00:00:00.000Z\n".length();
        }
        return size;
    }

    private static List<ChangeRow> rows(ChangeFile file) {
        try (Stream<ChangeRow> rows = v2.streamChangeFile(file)) {
            return rows.toList();
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(fixture.clock().instant(), ZoneOffset.UTC);
    }
}
