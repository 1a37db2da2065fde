package dev.reapi.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Resources handed to one test and closed after it, newest first. */
final class TestResources {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestResources.class);
    private static final String KEY = "resources";

    private TestResources() {}

    /** Registers {@code resource} to be closed by {@link #closeAll} after the current test. */
    static <T extends AutoCloseable> T track(ExtensionContext context, T resource) {
        resources(context).add(resource);
        return resource;
    }

    /** Closes what the current test was given; the first failure is rethrown. */
    static void closeAll(ExtensionContext context) throws Exception {
        List<AutoCloseable> resources = resources(context);
        Exception first = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<AutoCloseable> resources(ExtensionContext context) {
        return (List<AutoCloseable>)
                context.getStore(NAMESPACE).computeIfAbsent(KEY, key -> new ArrayList<>());
    }
}
