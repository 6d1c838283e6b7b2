package org.tandem.demo.internal;

import static org.tandem.api.cases.ServiceCategory.COMPENSATION_ASSISTANCE;
import static org.tandem.api.cases.ServiceCategory.COUNSELING;
import static org.tandem.api.cases.ServiceCategory.CRIMINAL_CIVIL_JUSTICE_ASSISTANCE;
import static org.tandem.api.cases.ServiceCategory.CRISIS_INTERVENTION;
import static org.tandem.api.cases.ServiceCategory.EMOTIONAL_SUPPORT_AND_SAFETY;
import static org.tandem.api.cases.ServiceCategory.FINANCIAL_ASSISTANCE;
import static org.tandem.api.cases.ServiceCategory.INFORMATION_AND_REFERRAL;
import static org.tandem.api.cases.ServiceCategory.INTERPRETATION;
import static org.tandem.api.cases.ServiceCategory.LEGAL_ADVOCACY;
import static org.tandem.api.cases.ServiceCategory.MEDICAL;
import static org.tandem.api.cases.ServiceCategory.PERSONAL_ADVOCACY;
import static org.tandem.api.cases.ServiceCategory.SHELTER_AND_HOUSING;
import static org.tandem.api.cases.ServiceCategory.TRANSPORTATION;

import java.time.Instant;
import java.util.List;

import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderContact;
import org.tandem.api.referral.ProviderLocation;
import org.tandem.api.referral.ProviderService;
import org.tandem.api.referral.ServiceArea;

/**
 * A fictional directory of central Illinois providers: invented organisations, 555 phone numbers, example.org
 * addresses; county and city names are real so area searches make sense. Two providers are linked to the demo
 * agency VSP-DEMO (the {@code advocate} user acts on their referrals). Shelters publish no address.
 */
final class DemoProviders {

    static final String SAFE_HARBOR = "prv-safe-harbor";

    private DemoProviders() {
    }

    private static ProviderService s(ServiceCategory category, String name) {
        return new ProviderService(category, name, null);
    }

    private static ProviderContact contact(String phone, String slug) {
        return new ProviderContact(phone, "intake@" + slug + ".example.org", "https://" + slug + ".example.org");
    }

    private static ServiceArea counties(String... counties) {
        return new ServiceArea(false, List.of(counties), List.of());
    }

    private static ProviderLocation office(String name, String address, String city, String county, String zip) {
        return new ProviderLocation(name, address, city, county, "IL", zip);
    }

    static List<Provider> all(Instant at) {
        return List.of(
                new Provider(SAFE_HARBOR, "Safe Harbor Victim Services (demo)",
                        "Advocacy, counseling and confidential emergency shelter for survivors of domestic violence,"
                                + " sexual assault and stalking.", "VSP-DEMO", true,
                        List.of(s(PERSONAL_ADVOCACY, "Court and hospital accompaniment"),
                                s(EMOTIONAL_SUPPORT_AND_SAFETY, "Safety planning"),
                                s(SHELTER_AND_HOUSING, "Confidential emergency shelter"),
                                s(COUNSELING, "Individual and group counseling"),
                                s(CRISIS_INTERVENTION, "24-hour crisis line"),
                                s(INFORMATION_AND_REFERRAL, "Information and referral")),
                        List.of("en", "es"), counties("Sangamon", "Menard", "Logan"),
                        "Survivors aged 16 and over and their children; no documentation needed",
                        "Crisis line 24/7; office Mon-Fri 08:00-17:00", contact("+12175550100", "safeharbor"), List.of(),
                        at, at),
                new Provider("prv-safe-harbor-legal", "Safe Harbor Legal Advocacy Program (demo)",
                        "Orders of protection, court accompaniment and help with victim rights in criminal cases.",
                        "VSP-DEMO", true,
                        List.of(s(LEGAL_ADVOCACY, "Orders of protection"),
                                s(CRIMINAL_CIVIL_JUSTICE_ASSISTANCE, "Court accompaniment and victim rights")),
                        List.of("en", "es"), counties("Sangamon"), "Victims of domestic violence and stalking",
                        "Mon-Fri 08:30-16:30", contact("+12175550101", "safeharbor-legal"),
                        List.of(office("Courthouse office", "200 S 9th St, Room 12", "Springfield", "Sangamon", "62701")),
                        at, at),
                new Provider("prv-prairie-counseling", "Prairie Trauma Counseling Collective",
                        "Trauma-focused therapy (TF-CBT, EMDR) for adults and teens; sliding scale, free for crime victims.",
                        null, true,
                        List.of(s(COUNSELING, "Trauma therapy"), s(EMOTIONAL_SUPPORT_AND_SAFETY, "Support groups")),
                        List.of("en", "vi", "zh"), counties("Sangamon", "Christian"), "Ages 13 and over",
                        "Mon-Thu 09:00-20:00, Sat 10:00-14:00", contact("+12175550102", "prairiecounseling"),
                        List.of(office("Main office", "1100 S 6th St", "Springfield", "Sangamon", "62703")), at, at),
                new Provider("prv-lincoln-land-sane", "Lincoln Land Hospital Forensic Nurse Program",
                        "Sexual assault nurse examiners, evidence collection and follow-up care; interpreters on call.",
                        null, true,
                        List.of(s(MEDICAL, "Forensic medical exam"), s(CRISIS_INTERVENTION, "Emergency department advocate")),
                        List.of("en", "es"), counties("Sangamon", "Menard", "Logan", "Cass"),
                        "Any age; exam available up to 7 days after an assault", "24/7",
                        contact("+12175550103", "lincolnland-sane"),
                        List.of(office("Emergency department", "800 E Carpenter St", "Springfield", "Sangamon", "62769")),
                        at, at),
                new Provider("prv-state-compensation", "State Crime Victim Compensation Program (demo)",
                        "Pays medical, counseling, funeral and lost-wage costs of violent crime victims.", null, true,
                        List.of(s(COMPENSATION_ASSISTANCE, "Compensation claims"),
                                s(FINANCIAL_ASSISTANCE, "Emergency award")),
                        List.of("en", "es", "pl", "ar"), new ServiceArea(true, List.of(), List.of()),
                        "Crime reported to police; claim within 5 years", "Mon-Fri 08:30-17:00",
                        contact("+12175550104", "compensation"), List.of(), at, at),
                new Provider("prv-sangamon-victim-witness", "Sangamon County State's Attorney Victim-Witness Unit (demo)",
                        "Case status, court dates, victim impact statements and restitution in prosecuted cases.", null, true,
                        List.of(s(CRIMINAL_CIVIL_JUSTICE_ASSISTANCE, "Court notification and accompaniment"),
                                s(INFORMATION_AND_REFERRAL, "Victim rights information")),
                        List.of("en", "es"), counties("Sangamon"), "Victims and witnesses in charged cases",
                        "Mon-Fri 08:00-16:30", contact("+12175550105", "sangamon-vw"),
                        List.of(office("County Building", "200 S 9th St, Room 402", "Springfield", "Sangamon", "62701")),
                        at, at),
                new Provider("prv-macon-house-of-hope", "Macon House of Hope",
                        "Emergency shelter and advocacy for women and children fleeing abuse. At capacity this month.",
                        null, false,
                        List.of(s(SHELTER_AND_HOUSING, "Emergency shelter"), s(PERSONAL_ADVOCACY, "Shelter advocacy")),
                        List.of("en", "es"), counties("Macon"), "Women and their children", "24/7",
                        contact("+12175550106", "maconhope"), List.of(), at, at),
                new Provider("prv-morgan-crisis-center", "Morgan County Rape Crisis and Advocacy Center",
                        "Crisis line, medical and court advocacy, counseling; ASL advocates.", null, true,
                        List.of(s(CRISIS_INTERVENTION, "Crisis line"), s(PERSONAL_ADVOCACY, "Medical and court advocacy"),
                                s(COUNSELING, "Counseling")),
                        List.of("en", "ase"), counties("Morgan", "Cass", "Scott"), "Survivors of sexual violence, any age",
                        "Crisis line 24/7; office Mon-Fri 09:00-17:00", contact("+12175550107", "morgancrisis"),
                        List.of(office("Office", "300 W State St", "Jacksonville", "Morgan", "62650")), at, at),
                new Provider("prv-centro-comunidad", "Centro Comunidad Latina de Springfield",
                        "Acompañamiento, interpretación y orientación para víctimas hispanohablantes.", null, true,
                        List.of(s(INFORMATION_AND_REFERRAL, "Orientación"), s(INTERPRETATION, "Interpretación"),
                                s(PERSONAL_ADVOCACY, "Acompañamiento")),
                        List.of("es", "en"), new ServiceArea(false, List.of("Sangamon"), List.of("62702", "62703")),
                        "Abierto a todas las personas, sin importar su estatus migratorio", "Lun-Vie 10:00-18:00",
                        contact("+12175550108", "centrocomunidad"),
                        List.of(office("Centro", "1500 N 9th St", "Springfield", "Sangamon", "62702")), at, at),
                new Provider("prv-vietnamese-association", "Vietnamese Mutual Assistance Association of Central Illinois",
                        "Interpretation, peer support and help navigating police, courts and benefits.", null, true,
                        List.of(s(INTERPRETATION, "Vietnamese interpretation"), s(INFORMATION_AND_REFERRAL, "Navigation"),
                                s(EMOTIONAL_SUPPORT_AND_SAFETY, "Peer support")),
                        List.of("vi", "en"), counties("Sangamon", "Macon"), null, "Tue-Sat 10:00-17:00",
                        contact("+12175550109", "vmaa"),
                        List.of(office("Community room", "2200 E Cook St", "Springfield", "Sangamon", "62703")), at, at),
                new Provider("prv-arab-family-services", "Arab American Family Services of Central Illinois",
                        "Culturally specific counseling and advocacy; Arabic and French speaking staff.", null, true,
                        List.of(s(COUNSELING, "Family counseling"), s(PERSONAL_ADVOCACY, "Advocacy"),
                                s(INTERPRETATION, "Arabic interpretation")),
                        List.of("ar", "en", "fr"), counties("Sangamon", "Macon"), null, "Mon-Fri 09:00-17:00",
                        contact("+12175550110", "aafs"), List.of(), at, at),
                new Provider("prv-deaf-survivors", "Deaf Survivors Access Project",
                        "Advocacy and counseling in ASL by Deaf advocates, by video anywhere in the state.", null, true,
                        List.of(s(PERSONAL_ADVOCACY, "Deaf advocacy"), s(INTERPRETATION, "ASL interpretation"),
                                s(COUNSELING, "Counseling in ASL")),
                        List.of("ase", "en"), new ServiceArea(true, List.of(), List.of()), "Deaf, DeafBlind and hard of"
                                + " hearing survivors", "Videophone Mon-Fri 09:00-19:00",
                        contact("+12175550111", "deafsurvivors"), List.of(), at, at),
                new Provider("prv-elder-justice", "Elder Justice and Fraud Recovery Network",
                        "Help for older victims of fraud, financial exploitation and abuse.", null, true,
                        List.of(s(PERSONAL_ADVOCACY, "Elder advocacy"), s(FINANCIAL_ASSISTANCE, "Fraud recovery"),
                                s(LEGAL_ADVOCACY, "Legal referral")),
                        List.of("en", "pl"), counties("Sangamon", "Logan", "Christian", "Montgomery"), "Aged 60 and over",
                        "Mon-Fri 09:00-16:00", contact("+12175550112", "elderjustice"), List.of(), at, at),
                new Provider("prv-central-legal-aid", "Central Illinois Legal Aid (demo)",
                        "Free civil legal help: orders of protection, housing, family law, immigration relief for victims.",
                        null, true,
                        List.of(s(LEGAL_ADVOCACY, "Civil legal representation"),
                                s(CRIMINAL_CIVIL_JUSTICE_ASSISTANCE, "Orders of protection")),
                        List.of("en", "es"), counties("Sangamon", "Menard", "Logan", "Macon", "Morgan", "Christian"),
                        "Income under 200% of the poverty line; no limit for survivors of violence",
                        "Mon-Fri 08:30-17:00", contact("+12175550113", "centrallegalaid"),
                        List.of(office("Springfield office", "700 E Adams St", "Springfield", "Sangamon", "62701"),
                                office("Decatur office", "250 N Water St", "Decatur", "Macon", "62523")), at, at),
                new Provider("prv-homicide-survivors", "Survivors of Homicide Support Circle",
                        "Peer support groups and grief counseling for families and friends of homicide victims.", null,
                        true, List.of(s(EMOTIONAL_SUPPORT_AND_SAFETY, "Support groups"), s(COUNSELING, "Grief counseling")),
                        List.of("en"), counties("Sangamon", "Macon", "Morgan"), "Family and friends of homicide victims",
                        "Groups Tue and Thu 18:30", contact("+12175550114", "homicidesurvivors"), List.of(), at, at),
                new Provider("prv-childrens-advocacy", "Children's Advocacy Center of Sangamon County (demo)",
                        "Forensic interviews, medical exams and therapy for children who are victims or witnesses.", null,
                        true,
                        List.of(s(PERSONAL_ADVOCACY, "Family advocacy"), s(COUNSELING, "Child and family therapy"),
                                s(MEDICAL, "Pediatric exams")),
                        List.of("en", "es"), counties("Sangamon", "Menard"), "Children under 18 and non-offending family",
                        "Mon-Fri 08:00-17:00", contact("+12175550115", "cac-sangamon"),
                        List.of(office("Center", "1000 N 5th St", "Springfield", "Sangamon", "62702")), at, at),
                new Provider("prv-safe-rides", "Safe Rides Volunteer Transportation",
                        "Rides to court, medical and counseling appointments for crime victims.", null, true,
                        List.of(s(TRANSPORTATION, "Appointment rides")), List.of("en", "es"),
                        counties("Sangamon", "Christian"), "Book 48 hours ahead", "Mon-Sat 07:00-19:00",
                        contact("+12175550116", "saferides"), List.of(), at, at),
                new Provider("prv-rapid-rehousing", "Central Illinois Rapid Rehousing Partnership",
                        "Deposits, first month's rent and relocation for victims who must move to be safe.", null, true,
                        List.of(s(SHELTER_AND_HOUSING, "Relocation and rapid rehousing"),
                                s(FINANCIAL_ASSISTANCE, "Rent and deposit assistance")),
                        List.of("en", "es", "ru"), counties("Sangamon", "Macon"), "Referral by a victim advocate",
                        "Mon-Fri 09:00-17:00", contact("+12175550117", "rapidrehousing"), List.of(), at, at),
                new Provider("prv-kreyol-support", "Kreyòl Family Support Line",
                        "Emotional support and interpretation in Haitian Creole and French, by phone statewide.", null,
                        true, List.of(s(INTERPRETATION, "Haitian Creole interpretation"),
                                s(EMOTIONAL_SUPPORT_AND_SAFETY, "Support line")),
                        List.of("ht", "fr", "en"), new ServiceArea(true, List.of(), List.of()), null,
                        "Every day 08:00-22:00", contact("+12175550118", "kreyolsupport"), List.of(), at, at),
                new Provider("prv-logan-victim-services", "Logan County Victim Services",
                        "Rural advocacy: information, court accompaniment and referrals across Logan County.", null, true,
                        List.of(s(PERSONAL_ADVOCACY, "Rural advocacy"), s(INFORMATION_AND_REFERRAL, "Referrals"),
                                s(CRIMINAL_CIVIL_JUSTICE_ASSISTANCE, "Court accompaniment")),
                        List.of("en"), new ServiceArea(false, List.of("Logan"), List.of("62656", "62666")), null,
                        "Mon-Fri 08:00-16:00", contact("+12175550119", "loganvs"),
                        List.of(office("Office", "601 Broadway St", "Lincoln", "Logan", "62656")), at, at),
                new Provider("prv-christian-safe-home", "Christian County Safe Home",
                        "Emergency shelter and crisis support. Not taking new referrals until repairs are finished.", null,
                        false, List.of(s(SHELTER_AND_HOUSING, "Emergency shelter"), s(CRISIS_INTERVENTION, "Crisis line")),
                        List.of("en", "es"), counties("Christian", "Montgomery"), "Adults and their children", "24/7",
                        contact("+12175550120", "christiansafehome"), List.of(), at, at));
    }
}
