package dev.atrium.main;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import io.quarkus.qute.CheckedTemplate;
import io.smallrye.common.annotation.NonBlocking;
import io.quarkus.qute.TemplateInstance;

/**
 * The public pages: the seed's {@code main} blueprint. Nothing here blocks (Qute renders in memory), so the
 * pages are served straight from the event loop.
 */
@Path("/")
@NonBlocking
public class MainResource {

    private static final Logger LOG = Logger.getLogger(MainResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index();

        static native TemplateInstance about();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        LOG.debug("SUCCESS");
        return Templates.index();
    }

    @GET
    @Path("about")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance about() {
        LOG.debug("about page");
        return Templates.about();
    }

    /** The seed's first route, kept as the smallest thing the server can answer. */
    @GET
    @Path("hello_world")
    @Produces(MediaType.TEXT_PLAIN)
    public String helloWorld() {
        LOG.debug("hello world");
        return "Hello World!";
    }
}
