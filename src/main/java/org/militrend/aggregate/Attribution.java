package org.militrend.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.militrend.common.Csv;

/** A dataset behind a figure and how to cite it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attribution(String dataset, String citation, String licence, String url) {

    /** "dataset: citation (licence) url", the form a CSV's attribution header carries. */
    public String credit() {
        StringBuilder b = new StringBuilder(dataset);
        if (citation != null) {
            b.append(": ").append(citation);
        }
        if (licence != null) {
            b.append(" (").append(licence).append(')');
        }
        if (url != null) {
            b.append(' ').append(url);
        }
        return b.toString();
    }

    /** The value of the attribution header of a CSV built from data with these attributions. */
    public static String header(List<Attribution> attributions) {
        return Csv.attribution(attributions.stream().map(Attribution::credit).toList());
    }
}
