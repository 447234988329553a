package org.parley.platform;

/**
 * The Content-Security-Policy headers Parley sends, in one place: the security chains, the fast write path and a
 * page that must allow one more image origin all derive theirs from here, so a tightened policy reaches them all.
 */
public final class ContentSecurityPolicy {

    private static final String PAGES_BEFORE_IMAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
    private static final String PAGES_AFTER_IMAGES = "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Pages: scripts, styles and data from this origin only (no inline script), never framed. */
    public static final String PAGES = PAGES_BEFORE_IMAGES + PAGES_AFTER_IMAGES;

    /** API answers: nothing to load, never framed. */
    public static final String API = "default-src 'none'; frame-ancestors 'none'";

    private ContentSecurityPolicy() {
    }

    /** The pages' policy with images also allowed from {@code origin} (a checked scheme://host[:port], e.g. a tile server). */
    public static String pagesWithImagesFrom(String origin) {
        return PAGES_BEFORE_IMAGES + " " + origin + PAGES_AFTER_IMAGES;
    }
}
