package dev.reapi.gateway.domain.sync;

import static dev.reapi.gateway.domain.sync.SyncFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reapi.client.model.Property;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyDiffTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void between_sale_recordsEachChangedTrackedFieldOnce() {
        Property before = SyncFixtures.listed("P1");
        Property after = SyncFixtures.sold(before, 245_000, T0.plusSeconds(60));

        List<PropertyChange> changes = PropertyDiff.between(before, after, ChangeSource.BATCH, NOW);

        assertThat(changes)
                .extracting(PropertyChange::field)
                .containsExactly(
                        TrackedField.PRICE,
                        TrackedField.STATUS,
                        TrackedField.LISTING_DATE,
                        TrackedField.LAST_SALE_DATE,
                        TrackedField.LAST_SALE_PRICE);
        assertThat(changes.get(1).oldValue()).isEqualTo("active");
        assertThat(changes.get(1).newValue()).isEqualTo("sold");
        assertThat(changes.get(2).newValue()).isEmpty();
        assertThat(changes).allMatch(c -> c.version().equals(T0.plusSeconds(60)));
        assertThat(PropertyDiff.becameSold(changes)).isTrue();
    }

    @Test
    void between_olderIncoming_isEmpty() {
        Property stored = SyncFixtures.sold(SyncFixtures.listed("P1"), 1, T0.plusSeconds(60));
        Property older = SyncFixtures.listed("P1");

        assertThat(PropertyDiff.between(stored, older, ChangeSource.READ, NOW)).isEmpty();
    }

    @Test
    void between_onlyDaysOnMarketDiffers_isEmpty() {
        Property stored = SyncFixtures.listed("P1");
        Property nextDay =
                new Property(
                        stored.id(),
                        stored.address(),
                        stored.coordinates(),
                        stored.propertyType(),
                        stored.status(),
                        stored.price(),
                        stored.beds(),
                        2.50,
                        stored.livingAreaSqft(),
                        stored.lotSizeSqft(),
                        stored.yearBuilt(),
                        stored.listingDate(),
                        32,
                        stored.lastSale(),
                        stored.taxAssessment(),
                        stored.updatedAt());

        assertThat(PropertyDiff.between(stored, nextDay, ChangeSource.READ, NOW)).isEmpty();
    }
}
