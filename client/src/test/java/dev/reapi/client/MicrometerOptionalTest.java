package dev.reapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** Micrometer is optional: a client built without a registry must not need its classes. */
class MicrometerOptionalTest {

    @Test
    void build_withoutMeterRegistry_loadsNoMicrometerClass() throws Throwable {
        ClassLoader hiding = new MicrometerHidingLoader(getClass().getClassLoader());
        assertThatThrownBy(() -> hiding.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        Class<?> clientType = hiding.loadClass(RealEstateApiClient.class.getName());
        Class<?> builderType = hiding.loadClass(RealEstateApiClientBuilder.class.getName());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle builder =
                lookup.findStatic(clientType, "builder", MethodType.methodType(builderType));
        MethodHandle apiKey =
                lookup.findVirtual(
                        builderType, "apiKey", MethodType.methodType(builderType, String.class));
        MethodHandle build =
                lookup.findVirtual(builderType, "build", MethodType.methodType(clientType));

        Object client = build.invoke(apiKey.invoke(builder.invoke(), "k"));

        assertThat(client.getClass().getClassLoader()).isSameAs(hiding);
        ((AutoCloseable) client).close();
    }

    /** Loads the client's classes itself and pretends Micrometer is not on the class path. */
    private static final class MicrometerHidingLoader extends ClassLoader {

        MicrometerHidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.")) {
                throw new ClassNotFoundException(name + " is hidden by the test");
            }
            if (!name.startsWith("dev.reapi.client.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in =
                        getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }
    }
}
