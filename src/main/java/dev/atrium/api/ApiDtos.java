package dev.atrium.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's JSON shapes. Records, so Jackson reads and writes them without setters. What clients send are
 * the features' forms ({@code PostForm}, {@code CommentForm}): one set of constraints checks a page's form and
 * a request body, and gives the API document its limits.
 */
final class ApiDtos {

    private ApiDtos() {
    }

    @Schema(name = "Post", description = "A blog post")
    record PostJson(long id, String title,
            @Schema(description = "The Markdown source") String body,
            @Schema(description = "The rendered, sanitised HTML") String html,
            String author, Instant createdAt, Instant updatedAt,
            @Schema(description = "How many comments the post has") int comments, Map<String, String> links) {
    }

    @Schema(name = "PostPage", description = "One page of posts, newest first, with links to the others")
    record PostPage(List<PostJson> items, int page, int size, long total, int pages, Map<String, String> links) {
    }

    @Schema(name = "Comment", description = "A comment under a post. A hidden comment's body and html are null "
            + "unless the token's account may moderate")
    record CommentJson(long id, long postId, String author,
            @Schema(description = "The Markdown source; null when hidden from this reader") String body,
            @Schema(description = "The rendered, sanitised HTML; null when hidden from this reader") String html,
            @Schema(description = "Hidden by a moderator") boolean hidden, Instant createdAt, Map<String, String> links) {
    }

    @Schema(name = "CommentPage", description = "One page of comments, with links to the others")
    record CommentPage(List<CommentJson> items, int page, int size, long total, int pages, Map<String, String> links) {
    }

    @Schema(name = "User", description = "An account as others see it, with its profile")
    record UserJson(String username, String role, Instant memberSince,
            @Schema(description = "Absent when not given", nullable = true) String realName,
            @Schema(description = "Absent when not given", nullable = true) String location,
            @Schema(description = "\"About me\" as its Markdown source", nullable = true) String aboutMe,
            @Schema(description = "\"About me\" rendered and sanitised, as the profile page shows it") String aboutHtml,
            @Schema(description = "The account's latest request, to the minute", nullable = true) Instant lastSeen,
            long followers, long following, Map<String, String> links) {
    }

    @Schema(name = "Person", description = "Someone in a followers or following list")
    record PersonJson(String username, @Schema(description = "Since when they follow, or are followed") Instant since,
            Map<String, String> links) {
    }

    @Schema(name = "PersonPage", description = "One page of a followers or following list, most recent first, with links to the others")
    record PersonPage(List<PersonJson> items, int page, int size, long total, int pages, Map<String, String> links) {
    }

    @Schema(name = "Me", description = "The account the token belongs to")
    record MeJson(String username, String email, String role, boolean confirmed, List<String> permissions,
            Map<String, String> links) {
    }
}
