package org.militrend.incident;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The shared filter parameters of the contract, as they arrive. Lists may repeat or hold commas. */
public class FilterParams {

    @RestQuery
    @Parameter(
            description = "First event date, inclusive (YYYY-MM-DD). Default: the data's first.",
            example = "2007-01-01")
    public String from;

    @RestQuery
    @Parameter(
            description = "Last event date, inclusive (YYYY-MM-DD). Default: the data's last.",
            example = "2017-11-30")
    public String to;

    @RestQuery
    @Parameter(description = "Province names, aliases or codes; repeatable or comma-separated.", example = "KPK")
    public List<String> province;

    @RestQuery
    @Parameter(
            description = "District names, aliases (spellings, agency names, towns) or codes.",
            example = "D.I. Khan")
    public List<String> district;

    @RestQuery
    @Parameter(
            description = "Division names or codes (the tier between province and district); selects the"
                    + " incidents in its districts and those known only at division level, such as 'Karachi'.",
            example = "Karachi")
    public List<String> division;

    @RestQuery
    @Parameter(description = "Event types (case-insensitive).", example = "Suicide bombing")
    public List<String> eventType;

    @RestQuery
    @Parameter(description = "Actors (case-insensitive).")
    public List<String> actor;

    @RestQuery
    @Parameter(description = "Datasets the incidents came from.", example = "pbc-suicide")
    public List<String> dataset;

    @RestQuery
    @Parameter(
            description = "Normalized event categories: suicide-attack, bombing, armed-attack, armed-clash,"
                    + " targeted-killing, drone-strike, security-operation, abduction, other.",
            example = "suicide-attack")
    public List<String> category;

    @RestQuery
    @Parameter(
            description = "Region split that Pakistani reports make: 'former-fata' (the tribal districts merged into KP"
                    + " in 2018) or 'non-fata' (every other district; with province=KP, the KP mainland).",
            example = "former-fata")
    public String region;
}
