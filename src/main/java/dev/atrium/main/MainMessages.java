package dev.atrium.main;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The public pages' texts in English; Chinese in {@code messages/main_zh_CN.properties}. */
@MessageBundle(value = "main", locale = "en")
interface MainMessages {

    @Message("Welcome")
    String index_title();

    @Message("Welcome to {name}")
    String index_heading(String name);

    @Message("A small site that grows: public pages, accounts, a blog, a JSON API and an operations view, built on Quarkus.")
    String index_lead();

    @Message("About")
    String about_title();

    @Message("About {name}")
    String about_heading(String name);

    @Message("{name} began as a hello-world web application and grew, one step at a time, into a large one: pages split by feature, configuration for each environment, one place that handles errors, health checks for the machines that run it, and logs a person can follow.")
    String about_story(String name);

    @Message("It runs as a single process on the JVM or as a native executable, and as many copies as needed behind a load balancer.")
    String about_running();
}
