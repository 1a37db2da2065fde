package dev.reapi.gateway.adapter.out.upstream;

import dev.reapi.client.ChangeFileExpiredException;
import dev.reapi.client.NotFoundException;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.model.ChangeFile;
import dev.reapi.client.model.ChangeRow;
import dev.reapi.gateway.application.port.out.ChangeFileLinkExpired;
import dev.reapi.gateway.application.port.out.ChangeFiles;
import dev.reapi.gateway.domain.GatewayException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The v2 change files through the SDK. A day without files is empty, an expired link is {@link
 * ChangeFileLinkExpired}, and every other client failure becomes the {@code UpstreamFailure} that
 * {@link ClientPropertySource} makes of it, also when it surfaces while the rows are read.
 * Thread-safe.
 */
public final class ClientChangeFiles implements ChangeFiles {

    private final RealEstateApiClient client;
    private final ClientPropertySource failures;

    /**
     * Change files read through {@code client}, a v2 client.
     *
     * @param failures translates client failures as the property source does
     */
    public ClientChangeFiles(RealEstateApiClient client, ClientPropertySource failures) {
        this.client = Objects.requireNonNull(client, "client");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    @Override
    public Optional<List<ChangeFile>> files(LocalDate day) {
        try {
            return Optional.of(client.changeFiles(day));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RealEstateApiException e) {
            throw translate(e, "change files of " + day);
        }
    }

    @Override
    public Stream<ChangeRow> rows(ChangeFile file) {
        Stream<ChangeRow> rows;
        try {
            rows = client.streamChangeFile(file);
        } catch (RealEstateApiException e) {
            throw translate(e, file.filename());
        }
        Spliterator<ChangeRow> source = rows.spliterator();
        var translating =
                new Spliterators.AbstractSpliterator<ChangeRow>(
                        Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                    @Override
                    public boolean tryAdvance(Consumer<? super ChangeRow> action) {
                        try {
                            return source.tryAdvance(action);
                        } catch (RealEstateApiException e) {
                            throw translate(e, file.filename());
                        }
                    }
                };
        return StreamSupport.stream(translating, false).onClose(rows::close);
    }

    private GatewayException translate(RealEstateApiException e, String what) {
        if (e instanceof ChangeFileExpiredException) {
            return new ChangeFileLinkExpired(what, e);
        }
        return failures.translate(e);
    }
}
