package org.tandem.store.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.api.Ids;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.DataItem;
import org.tandem.api.consent.Recipient;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.jdbc.StoreException;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.testing.TestCases;
import org.tandem.store.testing.TestDatabase;

class JdbcConsentRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:15:30.123Z");

    @TempDir
    Path tempDir;

    private TestDatabase db;
    private JdbcConsentRepository repository;
    private VictimCase victimCase;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(tempDir);
        new SchemaMigrator(db.dataSource()).migrate();
        repository = new JdbcConsentRepository(db.dataSource());
        victimCase = TestCases.sample("PD-DEMO", T0);
        new JdbcCaseRepository(db.dataSource()).insert(victimCase);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Consent consent(int person, ConsentScope scope, Recipient recipient, Instant granted, Set<DataItem> items) {
        return new Consent(Ids.newId(), victimCase.id(), victimCase.persons().get(person).id(), scope, recipient,
                "Referral for counseling", ConsentForm.WRITTEN, granted, granted.plusSeconds(86_400 * 90L), null,
                "officer", null, null, items);
    }

    @Test
    void storesEveryFieldAndReadsItBack() {
        Consent sharing = consent(0, ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider("prv-safe-harbor"), T0,
                EnumSet.of(DataItem.BIRTH_DATE, DataItem.NAME));
        Consent notify = new Consent(Ids.newId(), victimCase.id(), victimCase.persons().get(1).id(), ConsentScope.NOTIFY,
                Recipient.ANY, "Case updates", ConsentForm.VERBAL_RECORDED, T0, null, null, "advocate", null, null,
                Set.of());
        repository.insert(sharing);
        repository.insert(notify);

        assertThat(repository.find(sharing.id())).contains(sharing);
        assertThat(repository.find(sharing.id()).orElseThrow().items()).containsExactlyInAnyOrder(DataItem.NAME,
                DataItem.BIRTH_DATE);
        assertThat(repository.find(notify.id())).contains(notify);
        assertThat(repository.find(notify.id()).orElseThrow().recipient()).isEqualTo(Recipient.ANY);
        assertThat(repository.find("nope")).isEmpty();
        assertThat(repository.find(null)).isEmpty();
    }

    @Test
    void listsPerCaseAndPerPersonNewestFirst() {
        Consent older = consent(0, ConsentScope.NOTIFY, Recipient.ANY, T0, null);
        Consent newer = consent(0, ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider("p1"), T0.plusSeconds(60), null);
        Consent mother = consent(1, ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider("p1"), T0.plusSeconds(30), null);
        repository.insert(older);
        repository.insert(newer);
        repository.insert(mother);
        VictimCase other = TestCases.sample("PD-DEMO", T0);
        new JdbcCaseRepository(db.dataSource()).insert(other);
        repository.insert(new Consent(Ids.newId(), other.id(), other.persons().get(0).id(), ConsentScope.NOTIFY,
                Recipient.ANY, "x", ConsentForm.WRITTEN, T0, null, null, "officer", null, null));

        assertThat(repository.forCase(victimCase.id())).containsExactly(newer, mother, older);
        assertThat(repository.forPerson(victimCase.persons().get(0).id())).containsExactly(newer, older);
        assertThat(repository.forPerson("nobody")).isEmpty();
    }

    @Test
    void revocationIsKeptAndTheFirstOneWins() {
        Consent c = consent(0, ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider("p1"), T0, null);
        repository.insert(c);
        Instant at = T0.plusSeconds(3600);

        Consent revoked = repository.revoke(c.id(), at, "advocate", "Victim asked by phone").orElseThrow();
        Consent again = repository.revoke(c.id(), at.plusSeconds(60), "officer", "second").orElseThrow();

        assertThat(revoked.revokedAt()).isEqualTo(at);
        assertThat(revoked.revokedBy()).isEqualTo("advocate");
        assertThat(revoked.revocationReason()).isEqualTo("Victim asked by phone");
        assertThat(again).isEqualTo(revoked);
        assertThat(repository.forCase(victimCase.id())).containsExactly(revoked);
        assertThat(repository.revoke("nope", at, "x", null)).isEmpty();
    }

    @Test
    void aConsentMustBelongToAPersonOfTheCase() {
        Consent stray = new Consent(Ids.newId(), victimCase.id(), "no-such-person", ConsentScope.NOTIFY, Recipient.ANY,
                "x", ConsentForm.WRITTEN, T0, null, null, "officer", null, null);

        assertThatThrownBy(() -> repository.insert(stray)).isInstanceOf(StoreException.class);
        assertThat(db.count("consent")).isZero();
    }
}
