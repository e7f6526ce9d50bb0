package org.militrend.ingest;

/** How to cite a dataset; formats know the citation of their public source. */
public record DatasetInfo(String name, String format, String citation, String licence, String url) {

    public DatasetInfo {
        if (name == null || name.isBlank() || citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("a dataset needs a name and a citation");
        }
    }
}
