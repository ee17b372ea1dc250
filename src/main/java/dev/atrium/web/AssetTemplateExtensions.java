package dev.atrium.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** {@code {asset:url('app.css')}}: a static file's fingerprinted address, on the CDN when one is set. */
@TemplateExtension(namespace = "asset")
final class AssetTemplateExtensions {

    private AssetTemplateExtensions() {
    }

    static String url(String name) {
        return Arc.container().instance(StaticAssets.class).get().url(name);
    }
}
