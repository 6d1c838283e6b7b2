package org.tandem.api.referral;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tandem.api.Caller;
import org.tandem.api.Page;

/** The provider directory: admins maintain it (one by one or by import), everyone with a role searches it. */
@ProviderType
public interface ProviderDirectory {

    /**
     * @throws org.tandem.api.ValidationException listing every bad field; nothing stored
     * @throws org.tandem.api.AccessDeniedException unless the caller is an admin
     */
    Provider create(Caller caller, Provider provider);

    /**
     * Replaces the provider {@code id} (the id in {@code provider} is ignored).
     *
     * @throws java.util.NoSuchElementException when there is no such provider
     */
    Provider update(Caller caller, String id, Provider provider);

    Optional<Provider> get(Caller caller, String id);

    Page<ProviderMatch> search(Caller caller, ProviderQuery query);

    /**
     * Reads a whole directory file, validates every row and stores all rows in one transaction, or none of
     * them when any row is bad. Rows with an id replace the provider with that id; rows without get a new id.
     *
     * @param dryRun validate and report only
     * @throws org.tandem.api.ValidationException when the file as a whole cannot be read (not JSON, no header...)
     */
    ImportReport importProviders(Caller caller, ProviderFormat format, InputStream content, boolean dryRun);

    /** Writes the whole directory in {@code format}; what it writes can be imported again unchanged. */
    void export(Caller caller, ProviderFormat format, OutputStream out);
}
