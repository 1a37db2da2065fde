package dev.reapi.sandbox.http;

import dev.reapi.sandbox.data.AreaFacts;
import dev.reapi.sandbox.data.Geography;
import dev.reapi.sandbox.data.PropertyRecord;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Valuations (by id and by address), demographics and nearby schools. */
final class AreaRoutes {
    private static final Pattern ADDRESS =
            Pattern.compile("^(.+),\\s*(.+),\\s*([A-Za-z]{2})\\s+([0-9]{5})$");

    private final Api api;
    private final AreaFacts facts;
    private final PropertyRoutes properties;

    AreaRoutes(Api api, PropertyRoutes properties) {
        this.api = api;
        this.properties = properties;
        this.facts = new AreaFacts(api.data.generator().seed(), api.data.generator());
    }

    Api.Answer valuationById(Context ctx) {
        return valuation(properties.require(ctx.pathParam("id")));
    }

    Api.Answer valuationByAddress(Context ctx) {
        String raw = ctx.queryParam("address");
        if (raw == null) {
            throw ApiProblem.badRequest("address", "is required");
        }
        if (raw.length() < 5 || raw.length() > 200) {
            throw ApiProblem.badRequest("address", "must be 5 to 200 characters");
        }
        String wanted = normalise(raw);
        Matcher m = ADDRESS.matcher(wanted);
        if (!m.matches()) {
            throw ApiProblem.badRequest(
                    "address", "must look like '1234 Oak St, Springfield, IL 62704'");
        }
        Geography g = api.data.geography();
        Optional<Integer> zip = g.indexOf(m.group(4));
        if (zip.isPresent()) {
            for (long id : api.data.idsOfZip(zip.get())) {
                PropertyRecord p = api.data.current(id);
                if (normalise(PropertyJson.formattedAddress(p, g)).equals(wanted)) {
                    return valuation(p);
                }
            }
        }
        throw ApiProblem.of(404, "not-found", "Not found", "No property at that address.");
    }

    private Api.Answer valuation(PropertyRecord p) {
        AreaFacts.Valuation v = facts.valuation(p);
        JsonOut out = new JsonOut(256);
        out.beginObject()
                .field("property_id", p.wireId())
                .field("address", PropertyJson.formattedAddress(p, api.data.geography()))
                .field("estimated_value", v.estimate())
                .field("low", v.low())
                .field("high", v.high())
                .field("confidence", v.confidence())
                .field("as_of", LocalDate.ofEpochDay(api.today()).toString())
                .endObject();
        return new Api.Answer(out.toString(), 1);
    }

    Api.Answer demographics(Context ctx) {
        double lat = QueryParams.number(ctx, "lat", null, -90, 90, false);
        double lng = QueryParams.number(ctx, "lng", null, -180, 180, false);
        Geography g = api.data.geography();
        int zip =
                g.nearest(lat, lng, 50)
                        .orElseThrow(
                                () ->
                                        ApiProblem.of(
                                                404,
                                                "not-found",
                                                "Not found",
                                                "No ZIP code within 50 miles of that point."));
        AreaFacts.Demographics d = facts.demographics(zip);
        JsonOut out = new JsonOut(320);
        out.beginObject()
                .field("zip", g.zip(zip))
                .field("city", g.city(zip))
                .field("state", g.state(zip))
                .field("population", d.population())
                .field("median_household_income", d.medianHouseholdIncome())
                .field("median_age", d.medianAge())
                .field("households", d.households())
                .field("owner_occupied_share", d.ownerOccupiedShare())
                .field("median_home_value", d.medianHomeValue())
                .field("unemployment_rate", d.unemploymentRate())
                .endObject();
        return new Api.Answer(out.toString(), 1);
    }

    Api.Answer schools(Context ctx) {
        double lat = QueryParams.number(ctx, "lat", null, -90, 90, false);
        double lng = QueryParams.number(ctx, "lng", null, -180, 180, false);
        double radius = QueryParams.number(ctx, "radius_miles", 3.0, 0, 25, true);
        List<AreaFacts.School> schools = facts.schoolsNear(lat, lng, radius);
        JsonOut out = new JsonOut(200 * schools.size() + 32);
        out.beginObject().name("schools").beginArray();
        for (AreaFacts.School s : schools) {
            out.beginObject()
                    .field("id", s.id())
                    .field("name", s.name())
                    .field("level", s.level())
                    .field("rating", s.rating())
                    .field("grades", s.grades())
                    .field("distance_miles", s.distanceMiles());
            out.name("coordinates")
                    .beginObject()
                    .field("lat", s.lat())
                    .field("lng", s.lng())
                    .endObject();
            out.endObject();
        }
        out.endArray().endObject();
        return new Api.Answer(out.toString(), 1);
    }

    private static String normalise(String s) {
        return s.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
