package org.tandem.api.referral;

import java.util.List;
import java.util.Optional;

import org.tandem.api.Page;

/** Persistence of the provider directory (implemented by the store bundle). */
public interface ProviderRepository {

    void insert(Provider provider);

    /** Replaces the provider with the same id, services, languages, area and locations included. @return false if unknown */
    boolean update(Provider provider);

    /**
     * Inserts or replaces every provider in ONE transaction: either all are stored or none is.
     *
     * @return how many of them were new (the rest replaced existing providers)
     */
    int saveAll(List<Provider> providers);

    Optional<Provider> find(String id);

    /** Ranked and paged as described by {@link ProviderQuery}. */
    Page<ProviderMatch> search(ProviderQuery query);

    /** Every provider ordered by name, for export; {@code page}/{@code size} as usual. */
    Page<Provider> list(int page, int size);

    /** Ids of the providers linked to the agency (whose users act on their referrals). */
    List<String> idsForAgency(String agencyId);

    long count();
}
