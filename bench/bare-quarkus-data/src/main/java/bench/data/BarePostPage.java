package bench.data;

import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/** A post page the plainest way the framework offers, and /hello_world to time start-up by. */
@Path("/posts")
public class BarePostPage {

    private static final Buffer HELLO = Buffer.buffer("Hello World!");

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance post(BarePost post);
    }

    void routes(@Observes Router router) {
        router.get("/hello_world").handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end(HELLO));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance post(@RestPath long id) {
        BarePost post = BarePost.findById(id);
        if (post == null) {
            throw new NotFoundException();
        }
        return Templates.post(post);
    }
}
