package dev.atrium.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.PermissionsAllowed;

/** Test-only pages guarded by each permission, until the features that need them exist. */
@Path("/test-auth")
@Produces(MediaType.TEXT_PLAIN)
public class PermissionProbeResource {

    @GET
    @Path("follow")
    @PermissionsAllowed("follow")
    public String follow() {
        return "may follow";
    }

    @GET
    @Path("comment")
    @PermissionsAllowed("comment")
    public String comment() {
        return "may comment";
    }

    @GET
    @Path("write")
    @PermissionsAllowed("write")
    public String write() {
        return "may write";
    }

    @GET
    @Path("moderate")
    @PermissionsAllowed("moderate")
    public String moderate() {
        return "may moderate";
    }

    @GET
    @Path("administer")
    @PermissionsAllowed("administer")
    public String administer() {
        return "may administer";
    }
}
