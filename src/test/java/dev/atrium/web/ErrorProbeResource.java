package dev.atrium.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only endpoints that fail on purpose, so that the error mapping can be tested for statuses that the
 * application's own routes do not produce yet. Not part of the packaged application.
 */
@Path("/test-errors")
public class ErrorProbeResource {

    static final String SECRET = "s3cr3t-internal-detail";

    @GET
    @Path("boom")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public String boom() {
        throw new IllegalStateException("database password is " + SECRET);
    }

    @GET
    @Path("unavailable")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public String unavailable() {
        throw new ServiceUnavailableException(30L);
    }

    @GET
    @Path("database-down")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
    public String databaseDown() {
        throw new jakarta.persistence.PersistenceException(new org.hibernate.exception.JDBCConnectionException(
                "Unable to acquire JDBC Connection", new java.sql.SQLException("Connection refused", "08001")));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.TEXT_PLAIN)
    public String upload(String body) {
        return "received " + body.length();
    }
}
