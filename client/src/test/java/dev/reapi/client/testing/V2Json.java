package dev.reapi.client.testing;

import java.util.Locale;

/** v2 payloads as the upstream contract (docs/api/upstream-v2.md) spells them, for stub replies. */
public final class V2Json {

    private V2Json() {}

    /** A search item (summary shape) for property {@code id}, listed for {@code price}. */
    public static String summary(long id) {
        return String.format(
                Locale.ROOT,
                """
                {"id": %d, "apn": "000-000-%03d", "propertyType": "SFR",
                 "address": {"address": "%d Main St", "street": "Main St", "house": "%d",
                             "city": "Austin", "state": "TX", "zip": "78701",
                             "label": "%d Main St, Austin, TX 78701"},
                 "latitude": 30.27, "longitude": -97.74, "bedrooms": 3, "bathrooms": 2.5,
                 "squareFeet": 1850, "lotSquareFeet": 6200, "yearBuilt": 1998,
                 "estimatedValue": 412000, "mlsActive": true, "mlsPending": false,
                 "mlsSold": false, "mlsListingPrice": 425000, "mlsListingDate": "2024-01-02",
                 "mlsDaysOnMarket": 13, "lastSaleDate": "2021-05-03", "lastSaleAmount": 380000,
                 "lastUpdateDate": "2024-01-15T13:00:00.000Z"}\
                """,
                id,
                id % 1000,
                id,
                id,
                id);
    }

    /** A detail of property {@code id}: the summary plus tax, sale, demographics and schools. */
    public static String detail(long id) {
        String summary = summary(id);
        return summary.substring(0, summary.length() - 1)
                + """
                , "propertyInfo": {"bedrooms": 3, "bathrooms": 2.5, "squareFeet": 1850,
                   "lotSquareFeet": 6200, "yearBuilt": 1998, "propertyType": "SFR",
                   "latitude": 30.27, "longitude": -97.74},
                 "taxInfo": {"year": 2023, "assessedValue": 300000, "taxAmount": 4100},
                 "lastSale": {"saleDate": "2021-05-03", "saleAmount": 380000},
                 "demographics": {"zip": "78701", "city": "Austin", "state": "TX",
                   "population": 12000, "medianHouseholdIncome": 81000, "medianAge": 34.5,
                   "households": 5100, "ownerOccupiedShare": 0.42, "medianHomeValue": 450000,
                   "unemploymentRate": 0.031},
                 "schools": [
                   {"id": "S1", "name": "Oak Elementary", "level": "elementary", "rating": 8,
                    "grades": "K-5", "distanceMiles": 0.4, "latitude": 30.271,
                    "longitude": -97.741},
                   {"id": "S2", "name": "Austin High", "level": "high", "rating": 7,
                    "grades": "9-12", "distanceMiles": 2.6, "latitude": 30.29,
                    "longitude": -97.76}]}\
                """;
    }

    /** A PropertyAvm answer for property {@code id}. */
    public static String avm(long id, long value) {
        return String.format(
                Locale.ROOT,
                """
                {"id": %d, "apn": "x", "avm": %d, "avmMin": %d, "avmMax": %d,
                 "confidence": 0.91, "address": "%d Main St", "city": "Austin", "state": "TX",
                 "zip": "78701", "label": "%d Main St, Austin, TX 78701",
                 "lastUpdateDate": "2024-01-16T00:00:00.000Z"}\
                """,
                id,
                value,
                value - 20_000,
                value + 20_000,
                id,
                id);
    }
}
