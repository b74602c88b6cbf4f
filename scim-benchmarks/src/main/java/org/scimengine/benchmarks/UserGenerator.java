package org.scimengine.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Deterministic, realistic SCIM User resources (RFC 7643 §4.1 and §4.3) for the evaluation benchmark, as the
 * engine stores them: attribute names in schema spelling, the enterprise extension under its URN.
 *
 * <p>The same seed always gives the same users. Names, values and dates are drawn so that every filter of
 * {@link FilterCorpus#USER_EVALUATION} that can match something matches some users: the pools contain the
 * names and values the corpus asks for ({@code Alice Johnson}, {@code Adele Vance}, {@code O'Malley},
 * employee number {@code 701984}, postal code {@code 91608}, the RFC's manager id, ...), the first 20 users
 * have the ids of {@code FilterCorpus.OR_CHAIN_OF_20_IDS}, and a few fixed users ({@code bjensen},
 * {@code first/last@example.com}, short legacy user names, shared mailboxes) stand where the corpus looks for
 * them. The data also carries what real directories carry and what separates evaluators: user names in mixed
 * case, {@code meta} timestamps with offsets {@code Z}, {@code +02:00} and {@code -05:00} (some of them the same
 * instant as the corpus's {@code 2011-05-13T04:42:34Z}), explicit {@code null}s and empty strings from older
 * provisioning payloads, and external ids that differ from others only in case.
 */
public final class UserGenerator {

    /** The number of users the benchmark evaluates against. */
    public static final int COUNT = 10_000;
    /** The fixed seed. */
    public static final long SEED = 20261122L;

    static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** RFC 7643 §8.2's Barbara Jensen: her id, and the manager Entra's {@code id eq … and manager eq …} names. */
    static final String BJENSEN_ID = "2819c223-7f76-453a-919d-413861904646";
    static final String BJENSEN_MANAGER = "902c246b-6245-4190-8e05-00816be7344a";
    /** RFC 7643 §8.3's manager id, one of the pool's managers. */
    static final String RFC_MANAGER = "26118915-6090-4610-87e4-49d8ca9f808d";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String[] GIVEN = {
        "Alice", "Adele", "Aaron", "Amelia", "Barbara", "Ben", "Bianca", "Bruno", "Carol", "Chen", "Dave", "Diego",
        "Erin", "Emma", "Frank", "Fatima", "Grace", "Hiroshi", "Heidi", "Ivan", "Isabel", "James", "Jennifer",
        "Judy", "Jorge", "Karen", "Liam", "Lena", "Mohammed", "Maria", "Nora", "Olivia", "Priya", "Quentin",
        "Rafael", "Sofia", "Thomas", "Uma", "Victor", "Wei", "Yusuf", "Zoe"};
    private static final String[] FAMILY = {
        "Johnson", "Vance", "Jensen", "O'Malley", "Anderson", "Jackson", "Jones", "Nguyen", "Garcia", "Müller",
        "Smith", "Williams", "Brown", "Davis", "Wilson", "Robinson", "Martin", "Lopez", "Kowalski", "Ivanova",
        "Tanaka", "Dubois", "Rossi", "Schmidt", "Fox", "Knox", "Patel", "Kim", "Larsen", "Hughes", "Olsen",
        "Erikson", "Singh", "Chen", "Baxter", "Morales"};
    private static final String[] MIDDLE = {"Jane", "Marie", "Lee", "Ann", "J.", "Alexander"};
    private static final String[] TITLES = {
        "Software Engineer", "Senior Software Engineer", "Sales Manager", "Account Executive", "Tour Guide",
        "Marketing Specialist", "HR Business Partner", "Support Engineer", "Product Manager", "Financial Analyst",
        "Data Scientist", "Office Manager", "Vice President", "Résumé reviewer \\ back office"};
    private static final String[] USER_TYPES = {"Employee", "Contractor", "Intern"};
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "contoso.com", "gmail.com"};
    private static final String[] EMAIL_TYPES = {"work", "home", "other"};
    private static final String[][] LOCALES = {
        {"en-US", "America/Los_Angeles"}, {"en-US", "America/New_York"}, {"en-US", "America/Chicago"},
        {"en-GB", "Europe/London"}, {"en-GB", "Europe/Dublin"}, {"de-DE", "Europe/Berlin"},
        {"fr-FR", "Europe/Paris"}, {"ja-JP", "Asia/Tokyo"}, {"es-MX", "America/Mexico_City"}};
    private static final String[] DEPARTMENTS = {
        "Sales", "Marketing", "Engineering", "Finance", "Human Resources", "Support", "Legal", "Operations"};
    private static final String[] DIVISIONS = {
        "EMEA North", "EMEA South", "Americas", "APAC", "Corporate"};
    private static final String[] COST_CENTERS = {"4130", "4140", "4200", "5100", "5120", "6300", "7010"};
    private static final String[] ORGANIZATIONS = {"Universal Studios", "Contoso", "Fabrikam"};
    private static final String[][] ADDRESSES = {
        // street, locality, region, postalCode, country
        {"100 Universal City Plaza", "Hollywood", "CA", "91608", "US"},
        {"456 Hollywood Blvd", "Hollywood", "CA", "91608", "US"},
        {"1 Microsoft Way", "Redmond", "WA", "98052", "US"},
        {"10 Downing Street", "London", "", "SW1A 2AA", "GB"},
        {"Unter den Linden 77", "Berlin", "", "10117", "DE"},
        {"5 Avenue Anatole France", "Paris", "", "75007", "FR"},
        {"2-8-1 Nishi-Shinjuku", "Tokyo", "", "163-8001", "JP"}};
    private static final String[] SHARED_MAILBOXES = {
        "Sales Team EMEA", "Helpdesk", "Payroll Americas", "Sales Team EMEA", "Facilities"};
    /** The short, legacy user names {@code FilterCorpus}'s 10-term chain looks for, in the case they were created in. */
    private static final String[] LEGACY_USER_NAMES = {
        "alice", "Bob", "carol", "DAVE", "erin", "Frank", "grace", "heidi", "Ivan", "judy"};

    /** The instant of RFC 7644 §3.4.2.2's {@code meta.lastModified} examples, in three spellings. */
    private static final String[] EXAMPLE_INSTANT = {
        "2011-05-13T04:42:34Z", "2011-05-13T06:42:34+02:00", "2011-05-12T23:42:34-05:00"};
    private static final ZoneOffset[] OFFSETS = {
        ZoneOffset.UTC, ZoneOffset.UTC, ZoneOffset.UTC, ZoneOffset.ofHours(2), ZoneOffset.ofHours(-5)};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    private static final long FROM = Instant.parse("2009-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2025-12-31T00:00:00Z").getEpochSecond();
    private static final long NOW = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();

    private final Random random;
    private final List<String> managers = new ArrayList<>();
    private final Set<String> userNames = new HashSet<>();
    /** The number the last user name made from each (lower-cased) candidate got; 1 for the candidate itself. */
    private final Map<String, Integer> lastNumber = new HashMap<>();

    private UserGenerator(long seed) {
        this.random = new Random(seed);
        managers.add(RFC_MANAGER);
        managers.add(BJENSEN_MANAGER);
        for (int i = 0; i < 48; i++) {
            managers.add(UUID.nameUUIDFromBytes(("manager-" + i).getBytes(StandardCharsets.UTF_8)).toString());
        }
    }

    /** {@value #COUNT} users from seed {@value #SEED}. */
    public static List<ObjectNode> generate() {
        return generate(COUNT, SEED);
    }

    /** {@code count} users (at least 5,000, so that the fixed users fit) from {@code seed}. */
    public static List<ObjectNode> generate(int count, long seed) {
        if (count < 5000) {
            throw new IllegalArgumentException("at least 5000 users, not " + count);
        }
        UserGenerator generator = new UserGenerator(seed);
        List<ObjectNode> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(generator.user(i));
        }
        return users;
    }

    /**
     * The same users as {@link #generate(int, long)}, in the same order, made one at a time as the iterator is
     * read, so that a million of them need not fit in memory at once.
     */
    public static Iterator<ObjectNode> iterate(int count, long seed) {
        if (count < 5000) {
            throw new IllegalArgumentException("at least 5000 users, not " + count);
        }
        UserGenerator generator = new UserGenerator(seed);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public ObjectNode next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return generator.user(next++);
            }
        };
    }

    /** The id of user {@code i}: the ids of {@code FilterCorpus.OR_CHAIN_OF_20_IDS} for the first 20. */
    static String id(int i) {
        return UUID.nameUUIDFromBytes(("user-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private ObjectNode user(int i) {
        boolean bjensen = i == 42;
        boolean sharedMailbox = i % 997 == 500;
        String given = pick(GIVEN);
        String family = pick(FAMILY);
        boolean entra = random.nextInt(100) < 30;
        String forcedExternalId = null;
        if (bjensen) {
            given = "Barbara";
            family = "Jensen";
        } else if (i == 7 || i == 8 || i == 9) {
            // Okta's and Entra's example users, and a namesake whose legacy import lower-cased the external id.
            given = i == 8 ? "Alice" : "Adele";
            family = i == 8 ? "Johnson" : "Vance";
            entra = i == 7;
            forcedExternalId = i == 9 ? "adelev" : null;
        }
        String id = bjensen ? BJENSEN_ID : id(i);
        String userType = sharedMailbox ? null : weighted(USER_TYPES, 75, 20, 5);
        String mailNickname = ascii(given) + ascii(family).charAt(0);
        if (entra && i != 7) {
            mailNickname = uniqueSuffix(mailNickname, i);
        }

        ObjectNode user = JSON.objectNode();
        boolean enterprise = i == 1984 || !sharedMailbox && !"Intern".equals(userType) && random.nextInt(100) < 90;
        ArrayNode schemas = user.putArray("schemas").add(USER_URN);
        if (enterprise) {
            schemas.add(ENTERPRISE_URN);
        }
        user.put("id", id);

        // externalId: Entra's mailNickname, Okta's user id, or an HR number; 1 in 10 legacy imports lower-cased it.
        String externalId;
        if (bjensen) {
            externalId = "bjensen";
        } else if (forcedExternalId != null) {
            externalId = forcedExternalId;
        } else if (entra) {
            externalId = mailNickname;
        } else if (random.nextBoolean()) {
            externalId = "00u" + token(17);
        } else {
            externalId = "HR-" + (100000 + i);
        }
        if (!bjensen && i != 7 && random.nextInt(10) == 0) {
            externalId = externalId.toLowerCase(Locale.ROOT);
        }
        user.put("externalId", externalId);

        user.put("userName", userName(i, given, family, entra, mailNickname));

        ObjectNode name = user.putObject("name");
        boolean middle = random.nextInt(100) < 15;
        String middleName = middle ? pick(MIDDLE) : null;
        name.put("formatted", middle ? given + " " + middleName + " " + family : given + " " + family);
        name.put("familyName", family);
        name.put("givenName", given);
        if (middle) {
            name.put("middleName", middleName);
        }
        if (bjensen) {
            name.put("honorificPrefix", "Ms.");
            name.put("honorificSuffix", "III");
        }

        if (bjensen) {
            user.put("displayName", "Barbara \"Babs\" Jensen");
        } else if (sharedMailbox) {
            user.put("displayName", SHARED_MAILBOXES[(i / 997) % SHARED_MAILBOXES.length]);
        } else {
            user.put("displayName", given + " " + family);
        }

        int nick = random.nextInt(100);
        if (bjensen || nick < 10) {
            user.put("nickName", bjensen ? "Babs" : given.substring(0, Math.min(3, given.length())));
        } else if (nick < 20) {
            user.putNull("nickName"); // older Entra payloads send explicit nulls for unmapped attributes
        }

        // title: mostly set, sometimes absent, null or an empty string from an HR sync.
        int title = random.nextInt(100);
        if (bjensen) {
            user.put("title", "Tour Guide");
        } else if (title < 65) {
            user.put("title", random.nextInt(200) == 0 ? TITLES[TITLES.length - 1] : pick(TITLES, TITLES.length - 1));
        } else if (title < 70) {
            user.put("title", "");
        } else if (title < 77) {
            user.putNull("title");
        }
        if (userType != null) {
            user.put("userType", userType);
        }
        String[] locale = LOCALES[random.nextInt(LOCALES.length)];
        user.put("preferredLanguage", locale[0]);
        user.put("locale", locale[0]);
        user.put("timezone", locale[1]);
        user.put("active", random.nextInt(100) < 85);

        // emails: 1-3, distinct types, one primary.
        ArrayNode emails = user.putArray("emails");
        int emailCount = sharedMailbox ? 1 : 1 + random.nextInt(3);
        int primary = random.nextInt(emailCount);
        List<String> types = shuffled(EMAIL_TYPES);
        if (random.nextInt(100) < 80) {
            types.remove("work");
            types.add(0, "work");
        }
        String local = ascii(given).toLowerCase(Locale.ROOT) + "." + ascii(family).toLowerCase(Locale.ROOT);
        for (int e = 0; e < emailCount; e++) {
            String type = types.get(e);
            String domain = type.equals("work") ? EMAIL_DOMAINS[random.nextInt(3)] : EMAIL_DOMAINS[1 + random.nextInt(3)];
            ObjectNode email = emails.addObject();
            email.put("value", (bjensen ? (type.equals("work") ? "bjensen" : "babs") : local) + "@" + domain);
            email.put("type", type);
            if (e == primary) {
                email.put("primary", true);
            }
        }

        // phoneNumbers: 0-2, mobile and work, US, UK and German formats as entered.
        int phoneCount = random.nextInt(3);
        if (phoneCount > 0) {
            ArrayNode phones = user.putArray("phoneNumbers");
            List<String> phoneTypes = shuffled(new String[] {"work", "mobile"});
            for (int p = 0; p < phoneCount; p++) {
                ObjectNode phone = phones.addObject();
                phone.put("value", phone());
                phone.put("type", phoneTypes.get(p));
                if (p == 0 && random.nextBoolean()) {
                    phone.put("primary", true);
                }
            }
        }

        // ims: rarely, an XMPP address.
        if (random.nextInt(100) < 3) {
            ObjectNode im = user.putArray("ims").addObject();
            im.put("value", local + (random.nextBoolean() ? "@foo.com" : "@jabber.org"));
            im.put("type", "xmpp");
        }

        // addresses: sometimes.
        if (bjensen || random.nextInt(100) < 35) {
            ArrayNode addresses = user.putArray("addresses");
            int addressCount = 1 + random.nextInt(2);
            for (int a = 0; a < addressCount; a++) {
                String[] address = bjensen ? ADDRESSES[0] : ADDRESSES[random.nextInt(ADDRESSES.length)];
                ObjectNode node = addresses.addObject();
                node.put("type", a == 0 ? "work" : "home");
                node.put("streetAddress", address[0]);
                node.put("locality", address[1]);
                if (!address[2].isEmpty()) {
                    node.put("region", address[2]);
                }
                node.put("postalCode", address[3]);
                node.put("country", address[4]);
                node.put("formatted", address[0] + "\n" + address[1] + (address[2].isEmpty() ? "" : ", " + address[2])
                        + " " + address[3] + " " + address[4]);
                if (a == 0) {
                    node.put("primary", true);
                }
            }
        }

        if (enterprise) {
            ObjectNode extension = user.putObject(ENTERPRISE_URN);
            extension.put("employeeNumber", String.valueOf(700000 + i));
            extension.put("costCenter", pick(COST_CENTERS));
            extension.put("organization", pick(ORGANIZATIONS));
            extension.put("division", pick(DIVISIONS));
            extension.put("department", pick(DEPARTMENTS));
            if (bjensen || random.nextInt(100) < 92) {
                String manager = bjensen ? BJENSEN_MANAGER : managers.get(random.nextInt(managers.size()));
                ObjectNode node = extension.putObject("manager");
                node.put("value", manager);
                node.put("$ref", "../Users/" + manager);
                node.put("displayName", pick(GIVEN) + " " + pick(FAMILY));
            }
        }

        // meta: created 2009-2025, lastModified after it; offsets Z, +02:00, -05:00; 1 in 200 at the RFC's instant.
        long created = FROM + (long) (random.nextDouble() * (TO - FROM));
        long modified = created + (long) (random.nextDouble() * (NOW - created));
        ObjectNode meta = user.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", dateTime(created));
        if (i % 200 == 17) {
            meta.put("created", "2010-01-23T04:56:22Z");
            meta.put("lastModified", EXAMPLE_INSTANT[(i / 200) % EXAMPLE_INSTANT.length]);
        } else {
            meta.put("lastModified", dateTime(modified));
        }
        meta.put("location", "https://example.com/v2/Users/" + id);
        meta.put("version", "W/\"" + Long.toHexString(random.nextLong() >>> 4) + "\"");
        return user;
    }

    private String userName(int i, String given, String family, boolean entra, String mailNickname) {
        String candidate;
        if (i == 42) {
            candidate = "bjensen";
        } else if (i == 4242) {
            candidate = "first/last@example.com";
        } else if (i >= 100 && i < 100 + LEGACY_USER_NAMES.length) {
            candidate = LEGACY_USER_NAMES[i - 100];
        } else if (entra) {
            candidate = mailNickname + "@contoso.onmicrosoft.com";
        } else {
            String local = ascii(given) + "." + ascii(family);
            String domain = i == 8 || random.nextInt(100) < 70 ? "example.com" : "example.org";
            candidate = local + "@" + domain;
            int style = i == 8 ? 99 : random.nextInt(100);
            if (style < 25) {
                candidate = candidate.toLowerCase(Locale.ROOT);
            } else if (style < 30) {
                candidate = candidate.toUpperCase(Locale.ROOT);
            } else if (style < 40) {
                candidate = local + "@" + domain.substring(0, 1).toUpperCase(Locale.ROOT) + domain.substring(1);
            }
        }
        // userName is unique ignoring case (RFC 7643 §4.1.1, uniqueness server, caseExact false): the candidate,
        // else the candidate numbered 2, 3, ... that is still free. Numbers already taken stay taken, so the search
        // starts after the last number this candidate got; the result is the same, without going through every
        // taken number again (which made a million users take minutes).
        String key = candidate.toLowerCase(Locale.ROOT);
        Integer last = lastNumber.get(key);
        int n = last == null ? 1 : last + 1;
        String unique = numbered(candidate, n);
        while (!userNames.add(unique.toLowerCase(Locale.ROOT))) {
            unique = numbered(candidate, ++n);
        }
        lastNumber.put(key, n);
        return unique;
    }

    /** The candidate user name with {@code n} before its {@code @}; the candidate itself for 1. */
    private static String numbered(String candidate, int n) {
        if (n == 1) {
            return candidate;
        }
        int at = candidate.indexOf('@');
        return at < 0 ? candidate + n : candidate.substring(0, at) + n + candidate.substring(at);
    }

    /** A mail nickname as a big tenant has them: a quarter plain ({@code AdeleV}), the rest with digits added. */
    private String uniqueSuffix(String nickname, int i) {
        return random.nextInt(4) == 0 ? nickname : nickname + (i % 1000);
    }

    private String dateTime(long epochSecond) {
        ZoneOffset offset = OFFSETS[random.nextInt(OFFSETS.length)];
        if (random.nextInt(4) == 0) {
            Instant instant = Instant.ofEpochSecond(epochSecond, random.nextInt(1000) * 1_000_000L);
            return MILLIS.format(OffsetDateTime.ofInstant(instant, offset));
        }
        return SECONDS.format(OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), offset));
    }

    private String phone() {
        return switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "+1 %03d-555-%04d", 200 + random.nextInt(700), random.nextInt(10000));
            case 1 -> String.format(Locale.ROOT, "+44 20 7946 %04d", random.nextInt(10000));
            default -> String.format(Locale.ROOT, "+49 30 %08d", random.nextInt(100_000_000));
        };
    }

    private String token(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(String[] values, int bound) {
        return values[random.nextInt(bound)];
    }

    private String weighted(String[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int k = 0; k < values.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return values[k];
            }
        }
        throw new IllegalStateException();
    }

    private List<String> shuffled(String[] values) {
        List<String> out = new ArrayList<>(List.of(values));
        Collections.shuffle(out, random);
        return out;
    }

    /** The name as it appears in an e-mail address or a mail nickname: letters only, no diacritics. */
    private static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^A-Za-z]", "");
    }
}
