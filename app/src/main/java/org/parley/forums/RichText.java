package org.parley.forums;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What rich text may hold: paragraphs, emphasis, lists, quotes, code and links to http, https or mailto
 * addresses (marked nofollow). Everything else (scripts, event handlers, styles, javascript: links, images)
 * is dropped by the OWASP sanitiser before a post is stored, so pages may print the stored HTML as it is.
 */
final class RichText {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "b", "strong", "i", "em", "u", "s", "blockquote", "code", "pre", "ul", "ol", "li")
            .allowElements("a").allowAttributes("href").onElements("a").allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
            .toFactory();

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private RichText() {
    }

    static String sanitise(String html) {
        return POLICY.sanitize(html == null ? "" : html.strip());
    }

    /** The text of sanitised HTML, for mail and for telling an empty post (only tags) from a real one. */
    static String text(String sanitised) {
        String noTags = TAG.matcher(sanitised.replace("<br />", "\n").replace("</p>", "\n\n")).replaceAll("");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(c));
        }
        m.appendTail(sb);
        return sb.toString().strip();
    }
}
