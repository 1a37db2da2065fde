package dev.reapi.gateway.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The gateway's OpenAPI 3.1 document at {@code /openapi.json} (from the hand-written resource
 * {@code openapi/gateway.yaml}) and Swagger UI at {@code /docs}, served from the swagger-ui webjar
 * on the classpath so that no CDN is involved. Both are loaded on first use.
 */
final class DocsRoutes {

    /** Where the hand-written OpenAPI document lives on the classpath. */
    static final String OPENAPI_RESOURCE = "openapi/gateway.yaml";

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS =
            Map.of(
                    "swagger-ui.css", "text/css",
                    "swagger-ui-bundle.js", "text/javascript",
                    "swagger-ui-standalone-preset.js", "text/javascript",
                    "favicon-32x32.png", "image/png");
    private static final String PAGE =
            """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>reapi gateway API</title>
              <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
              <link rel="icon" href="/docs/assets/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/assets/swagger-ui-bundle.js"></script>
              <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
              <script src="/docs/assets/init.js"></script>
            </body>
            </html>
            """;
    private static final String INIT =
            """
            window.ui = SwaggerUIBundle({
              url: "/openapi.json",
              dom_id: "#swagger-ui",
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
              layout: "StandaloneLayout"
            });
            """;

    private final Supplier<String> openApiJson = memoize(DocsRoutes::loadOpenApi);
    private final Supplier<String> webjarVersion = memoize(DocsRoutes::loadWebjarVersion);

    void register(RoutesConfig routes) {
        routes.get(
                "/openapi.json",
                ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(openApiJson.get()));
        routes.get("/docs", ctx -> ctx.contentType(ContentType.TEXT_HTML).result(PAGE));
        routes.get("/docs/assets/init.js", ctx -> ctx.contentType("text/javascript").result(INIT));
        routes.get("/docs/assets/{file}", this::asset);
    }

    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw ProblemException.of(
                    ProblemType.NOT_FOUND, "no documentation asset '" + file + "'");
        }
        InputStream in =
                DocsRoutes.class
                        .getClassLoader()
                        .getResourceAsStream(WEBJAR + webjarVersion.get() + "/" + file);
        if (in == null) {
            throw new IOException("swagger-ui webjar asset missing from the classpath: " + file);
        }
        ctx.header("Cache-Control", "public, max-age=86400").contentType(type).result(in);
    }

    /** The OpenAPI document as JSON; fails when the resource is missing or not YAML. */
    static String loadOpenApi() {
        try (InputStream in =
                DocsRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + OPENAPI_RESOURCE);
            }
            JsonNode tree = new YAMLMapper().readTree(in);
            return tree.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    private static String loadWebjarVersion() {
        String pom = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(pom)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile @org.jspecify.annotations.Nullable T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    synchronized (this) {
                        current = value;
                        if (current == null) {
                            current = supplier.get();
                            value = current;
                        }
                    }
                }
                return current;
            }
        };
    }
}
