package org.militrend.aggregate;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A dataset behind a figure and how to cite it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attribution(String dataset, String citation, String licence, String url) {}
