package bench;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/** The two routes Atrium is compared on, done the plainest way the framework offers. */
@Path("/")
public class BareApp {

    /** An instance field: a static one would be built into a native executable's heap, which Vert.x's buffers may not be. */
    private final Buffer hello = Buffer.buffer("Hello World!");

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance index(String site);
    }

    void routes(@Observes Router router) {
        router.get("/hello_world").handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end(hello));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        return Templates.index("Atrium");
    }
}
