package org.militrend.ingest;

/**
 * How to cite a dataset and what it claims by default (contract "Datasets"); formats know these
 * for their public source.
 *
 * @param complete whether the dataset records every event of its scope inside its coverage
 * @param rawAccess {@code open}, or {@code editors} where the source's terms forbid passing raw rows on
 */
public record DatasetInfo(
        String name,
        String format,
        String citation,
        String licence,
        String url,
        String title,
        String scope,
        boolean complete,
        String rawAccess) {

    public DatasetInfo {
        if (name == null || name.isBlank() || citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("a dataset needs a name and a citation");
        }
        if (!rawAccess.equals("open") && !rawAccess.equals("editors")) {
            throw new IllegalArgumentException("rawAccess is open or editors");
        }
    }

    /** A dataset of the service's own kinds (native, mapped): not complete unless declared, open. */
    public DatasetInfo(String name, String format, String citation, String licence, String url) {
        this(name, format, citation, licence, url, citation, null, false, "open");
    }
}
