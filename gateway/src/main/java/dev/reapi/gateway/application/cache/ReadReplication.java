package dev.reapi.gateway.application.cache;

import dev.reapi.client.model.Property;
import java.util.List;

/**
 * Where properties read from the upstream are recorded in the replica (and their changes in the
 * history). Implementations are thread-safe; a failure may be thrown, and the read path logs it and
 * answers anyway.
 */
@FunctionalInterface
public interface ReadReplication {

    /** Records {@code properties}, as the upstream just returned them. */
    void replicate(List<Property> properties);

    /** Records nothing. */
    static ReadReplication none() {
        return properties -> {};
    }
}
