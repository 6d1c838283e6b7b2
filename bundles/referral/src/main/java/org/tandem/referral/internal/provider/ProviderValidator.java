package org.tandem.referral.internal.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tandem.api.FieldError;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;

/**
 * Business rules of a directory entry, shared by the REST resource and every import format. Field names are the
 * provider JSON's ({@code services[1].category}, {@code contact.email}); importers translate them to their columns.
 */
public final class ProviderValidator {

    /** Ids given by imports (HSDS ids, readable slugs); platform-assigned ids match it too. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final Pattern COUNTY = Pattern.compile("[\\p{L}][\\p{L} .'-]{0,99}");
    static final Pattern ZIP = Pattern.compile("\\d{5}");
    static final Pattern LOCATION_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{7,14}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    static final Pattern WEBSITE = Pattern.compile("https?://[^\\s]+");

    static final int MAX_SERVICES = 50;
    static final int MAX_LANGUAGES = 30;
    static final int MAX_COUNTIES = 120;
    static final int MAX_ZIPS = 500;
    static final int MAX_LOCATIONS = 20;

    private ProviderValidator() {
    }

    /** Every broken rule; empty when the provider may be stored. The id is checked only when present. */
    public static List<FieldError> check(Provider p) {
        List<FieldError> e = new ArrayList<>();
        if (p.id() != null && !ID.matcher(p.id()).matches()) {
            e.add(new FieldError("id", "letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit"));
        }
        if (p.name() == null || p.name().isBlank()) {
            e.add(new FieldError("name", "required"));
        } else {
            line(e, "name", p.name(), 200);
        }
        text(e, "description", p.description(), 2000);
        if (p.agencyId() != null && !AGENCY.matcher(p.agencyId()).matches()) {
            e.add(new FieldError("agencyId", "an agency id: letters, digits, '.', '_' or '-', at most 32"));
        }
        services(e, p.services());
        languages(e, p.languages());
        area(e, p.serviceArea());
        text(e, "eligibility", p.eligibility(), 2000);
        text(e, "hours", p.hours(), 500);
        contact(e, p.contact());
        locations(e, p.locations());
        return e;
    }

    private static void services(List<FieldError> e, List<ProviderService> services) {
        if (services.isEmpty()) {
            e.add(new FieldError("services", "at least one service is required"));
        } else if (services.size() > MAX_SERVICES) {
            e.add(new FieldError("services", "at most " + MAX_SERVICES));
        }
        for (int i = 0; i < services.size() && i < MAX_SERVICES; i++) {
            ProviderService s = services.get(i);
            String p = "services[" + i + "]";
            if (s == null || s.category() == null) {
                e.add(new FieldError(p + ".category", "required"));
                continue;
            }
            line(e, p + ".name", s.name(), 200);
            text(e, p + ".description", s.description(), 2000);
        }
    }

    private static void languages(List<FieldError> e, List<String> languages) {
        if (languages.size() > MAX_LANGUAGES) {
            e.add(new FieldError("languages", "at most " + MAX_LANGUAGES));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < languages.size(); i++) {
            String l = languages.get(i);
            if (l == null || l.length() > 35 || !LANGUAGE.matcher(l).matches()) {
                e.add(new FieldError("languages[" + i + "]", "a BCP 47 language tag such as en, es or zh-Hant"));
            } else if (!seen.add(l.toLowerCase(Locale.ROOT))) {
                e.add(new FieldError("languages[" + i + "]", "listed twice"));
            }
        }
    }

    private static void area(List<FieldError> e, ServiceArea a) {
        if (!a.statewide() && a.counties().isEmpty() && a.zipCodes().isEmpty()) {
            e.add(new FieldError("serviceArea", "statewide, or at least one county or ZIP code"));
        }
        if (a.counties().size() > MAX_COUNTIES) {
            e.add(new FieldError("serviceArea.counties", "at most " + MAX_COUNTIES));
        } else {
            for (int i = 0; i < a.counties().size(); i++) {
                String c = a.counties().get(i);
                if (c == null || !COUNTY.matcher(c.strip()).matches()) {
                    e.add(new FieldError("serviceArea.counties[" + i + "]", "a county name (letters, spaces, . ' -)"));
                }
            }
        }
        if (a.zipCodes().size() > MAX_ZIPS) {
            e.add(new FieldError("serviceArea.zipCodes", "at most " + MAX_ZIPS));
        } else {
            for (int i = 0; i < a.zipCodes().size(); i++) {
                String z = a.zipCodes().get(i);
                if (z == null || !ZIP.matcher(z).matches()) {
                    e.add(new FieldError("serviceArea.zipCodes[" + i + "]", "a 5-digit ZIP code"));
                }
            }
        }
    }

    private static void contact(List<FieldError> e, ProviderContact c) {
        if (c.phone() != null && !PHONE.matcher(c.phone()).matches()) {
            e.add(new FieldError("contact.phone", "E.164, e.g. +12175550100"));
        }
        if (c.email() != null && (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches())) {
            e.add(new FieldError("contact.email", "an email address"));
        }
        if (c.website() != null && (c.website().length() > 400 || !WEBSITE.matcher(c.website()).matches())) {
            e.add(new FieldError("contact.website", "an http(s) URL of at most 400 characters"));
        }
    }

    private static void locations(List<FieldError> e, List<ProviderLocation> locations) {
        if (locations.size() > MAX_LOCATIONS) {
            e.add(new FieldError("locations", "at most " + MAX_LOCATIONS));
            return;
        }
        for (int i = 0; i < locations.size(); i++) {
            ProviderLocation l = locations.get(i);
            String p = "locations[" + i + "]";
            if (l == null) {
                e.add(new FieldError(p, "required"));
                continue;
            }
            line(e, p + ".name", l.name(), 200);
            line(e, p + ".address", l.address(), 400);
            line(e, p + ".city", l.city(), 100);
            line(e, p + ".county", l.county(), 100);
            if (l.state() != null && !STATE.matcher(l.state()).matches()) {
                e.add(new FieldError(p + ".state", "a 2-letter state code such as IL"));
            }
            if (l.zip() != null && !LOCATION_ZIP.matcher(l.zip()).matches()) {
                e.add(new FieldError(p + ".zip", "a ZIP code such as 62701 or 62701-1234"));
            }
        }
    }

    private static void line(List<FieldError> e, String field, String value, int max) {
        if (value != null && (value.length() > max || value.chars().anyMatch(Character::isISOControl))) {
            e.add(new FieldError(field, "at most " + max + " characters on one line"));
        }
    }

    private static void text(List<FieldError> e, String field, String value, int max) {
        if (value != null && (value.length() > max || value.chars()
                .anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t'))) {
            e.add(new FieldError(field, "at most " + max + " characters, no control characters but line breaks"));
        }
    }
}
