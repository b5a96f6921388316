package org.prakerja.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Static files' links carry their content's hash and may be cached for a year; other links stay as written. */
@IntegrationTest
class AssetLinksTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theAssetLinksFilterTakesThePlaceOfBootsOwn() {
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .map(FilterRegistrationBean::getFilter).filter(f -> f instanceof ResourceUrlEncodingFilter).toList())
                .singleElement().isInstanceOf(AssetLinks.class);
    }

    @Test
    void assetLinksAreHashedAndCachedForAYearOtherLinksAreLeftAsWritten() {
        var page = RawHttp.send(port, "GET", "/", Map.of("Accept", "text/html"), "");
        assertThat(page.status()).isEqualTo(200);

        var stylesheet = Pattern.compile("href=\"(/assets/css/app-[0-9a-f]{32}\\.css)\"").matcher(page.body());
        assertThat(stylesheet.find()).as("the stylesheet's link carries its hash").isTrue();
        var script = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+/htmx\\.min-[0-9a-f]{32}\\.js)\"").matcher(page.body());
        assertThat(script.find()).as("the webjar's link carries its hash").isTrue();
        for (String asset : new String[] {stylesheet.group(1), script.group(1)}) {
            var file = RawHttp.send(port, "GET", asset, Map.of(), "");
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.header("Cache-Control")).contains("max-age=31536000");
        }

        assertThat(page.body()).contains("href=\"/trainings\"", "href=\"/login\"", "href=\"/complaints/new\"");
    }
}
