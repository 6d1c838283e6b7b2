package org.tandem.referral.internal.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.FieldError;
import org.tandem.api.Ids;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.ValidationException;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderDirectory;
import org.tandem.api.referral.ProviderFormat;
import org.tandem.api.referral.ProviderMatch;
import org.tandem.api.referral.ProviderQuery;
import org.tandem.api.referral.ProviderRepository;
import org.tandem.referral.internal.ReferralConfig;
import org.tandem.referral.internal.exchange.HsdsJson;
import org.tandem.referral.internal.exchange.ParsedRow;
import org.tandem.referral.internal.exchange.ProviderCsv;

/**
 * The provider directory: admins create, replace and import entries (every entry validated; an import is stored
 * whole in one transaction or not at all), every Tandem role searches and exports.
 */
@Component(service = ProviderDirectory.class, configurationPid = ReferralConfig.PID)
public class ProviderDirectoryImpl implements ProviderDirectory {

    static final int MAX_IMPORT_ROWS = 10_000;
    private static final int MAX_FILTER = 100;
    private static final int EXPORT_PAGE = Page.MAX_SIZE;

    private final ProviderRepository repository;
    private final Clock clock;
    private volatile int maxPageSize = Page.MAX_SIZE;
    private volatile long importMaxBytes = 5_242_880L;

    @Activate
    public ProviderDirectoryImpl(@Reference(name = "repository") ProviderRepository repository, ReferralConfig config) {
        this(repository, Clock.systemUTC());
        modified(config);
    }

    public ProviderDirectoryImpl(ProviderRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Modified
    void modified(ReferralConfig config) {
        configure(config.maxPageSize(), config.importMaxBytes());
    }

    public void configure(int pageLimit, long maxImportBytes) {
        this.maxPageSize = Math.min(Page.MAX_SIZE, Math.max(1, pageLimit));
        this.importMaxBytes = Math.max(1024, maxImportBytes);
    }

    public long importMaxBytes() {
        return importMaxBytes;
    }

    @Override
    public Provider create(Caller caller, Provider draft) {
        requireAdmin(caller, "add providers");
        List<FieldError> errors = ProviderValidator.check(draft.withId(null));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = now();
        Provider provider = draft.withId(Ids.newId()).withTimes(now, now);
        repository.insert(provider);
        return provider;
    }

    @Override
    public Provider update(Caller caller, String id, Provider draft) {
        requireAdmin(caller, "change providers");
        Provider existing = find(id).orElseThrow(() -> new NoSuchElementException("no such provider"));
        List<FieldError> errors = ProviderValidator.check(draft.withId(null));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Provider provider = draft.withId(existing.id()).withTimes(existing.createdAt(), now());
        if (!repository.update(provider)) {
            throw new NoSuchElementException("no such provider");
        }
        return provider;
    }

    @Override
    public Optional<Provider> get(Caller caller, String id) {
        requireAnyRole(caller);
        return find(id);
    }

    @Override
    public Page<ProviderMatch> search(Caller caller, ProviderQuery query) {
        requireAnyRole(caller);
        List<FieldError> errors = new ArrayList<>();
        if (query.page() < 0) {
            errors.add(new FieldError("page", "must be 0 or greater"));
        }
        if (query.size() < 1 || query.size() > maxPageSize) {
            errors.add(new FieldError("size", "must be between 1 and " + maxPageSize));
        }
        if (errors.isEmpty() && (long) query.page() * query.size() > Integer.MAX_VALUE) {
            errors.add(new FieldError("page", "is too large"));
        }
        if (query.language() != null && !query.language().isBlank()
                && !ProviderValidator.LANGUAGE.matcher(query.language().strip()).matches()) {
            errors.add(new FieldError("language", "a BCP 47 language tag such as es or zh-Hant"));
        }
        filter(errors, "area", query.area());
        filter(errors, "q", query.text());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return repository.search(query);
    }

    private static void filter(List<FieldError> errors, String name, String value) {
        if (value != null && (value.length() > MAX_FILTER || value.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError(name, "at most " + MAX_FILTER + " printable characters"));
        }
    }

    // ------------------------------------------------------------------ import / export

    @Override
    public ImportReport importProviders(Caller caller, ProviderFormat format, InputStream content, boolean dryRun) {
        requireAdmin(caller, "import providers");
        Objects.requireNonNull(format, "format");
        byte[] bytes = readCapped(content);
        List<ParsedRow> rows = switch (format) {
            case JSON -> HsdsJson.read(new ByteArrayInputStream(bytes));
            case CSV -> ProviderCsv.read(utf8(bytes));
        };
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw new ValidationException("body", rows.size() + " rows; at most " + MAX_IMPORT_ROWS + " per import");
        }
        List<ImportReport.RowError> errors = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        for (ParsedRow row : rows) {
            for (FieldError e : row.errors()) {
                errors.add(new ImportReport.RowError(row.row(), row.line(), row.providerId(), e.field(), e.message()));
            }
            if (row.provider() != null) {
                for (FieldError e : ProviderValidator.check(row.provider())) {
                    errors.add(new ImportReport.RowError(row.row(), row.line(), row.providerId(),
                            row.fieldName().apply(e.field()), e.message()));
                }
            }
            if (row.providerId() != null) {
                Integer first = seenIds.putIfAbsent(row.providerId(), row.row());
                if (first != null) {
                    errors.add(new ImportReport.RowError(row.row(), row.line(), row.providerId(), "id",
                            "the same id as row " + first));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new ValidationException("body", "the file holds no providers");
        }
        if (!errors.isEmpty()) {
            return new ImportReport(false, rows.size(), 0, 0, errors);
        }
        Instant now = now();
        List<Provider> providers = new ArrayList<>(rows.size());
        int existing = 0;
        for (ParsedRow row : rows) {
            Provider p = row.provider();
            Optional<Provider> stored = p.id() == null ? Optional.empty() : repository.find(p.id());
            if (stored.isPresent()) {
                existing++;
            }
            providers.add(p.withId(p.id() == null ? Ids.newId() : p.id())
                    .withTimes(stored.map(Provider::createdAt).orElse(now), now));
        }
        if (dryRun) {
            return new ImportReport(false, rows.size(), rows.size() - existing, existing, List.of());
        }
        int created = repository.saveAll(providers);
        return new ImportReport(true, rows.size(), created, rows.size() - created, List.of());
    }

    private byte[] readCapped(InputStream content) {
        long cap = importMaxBytes;
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (bytes.length > cap) {
                throw new ValidationException("body", "the file is larger than " + cap + " bytes (importMaxBytes)");
            }
            return bytes;
        } catch (IOException e) {
            throw new ValidationException("body", "cannot be read: " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException("body", "CSV files must be UTF-8");
        }
    }

    @Override
    public void export(Caller caller, ProviderFormat format, OutputStream out) {
        requireAnyRole(caller);
        try {
            if (format == ProviderFormat.JSON) {
                HsdsJson.write(this::all, out);
            } else {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(ProviderCsv.header());
                for (Provider p : (Iterable<Provider>) this::all) {
                    w.write(ProviderCsv.write(p));
                }
                w.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every provider, read one page at a time. */
    private Iterator<Provider> all() {
        return new Iterator<>() {
            private int page;
            private Iterator<Provider> current = List.<Provider>of().iterator();
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !last) {
                    Page<Provider> next = repository.list(page++, EXPORT_PAGE);
                    current = next.items().iterator();
                    last = (long) page * EXPORT_PAGE >= next.total();
                }
                return current.hasNext();
            }

            @Override
            public Provider next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    // ------------------------------------------------------------------ helpers

    private Optional<Provider> find(String id) {
        return id != null && ProviderValidator.ID.matcher(id).matches() ? repository.find(id) : Optional.empty();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireAdmin(Caller caller, String action) {
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        if (!caller.hasAnyRole(Role.ADMIN)) {
            throw new AccessDeniedException("role admin required to " + action);
        }
    }

    private static void requireAnyRole(Caller caller) {
        if (caller == null) {
            throw new AccessDeniedException("not authenticated");
        }
        if (caller.roles().isEmpty()) {
            throw new AccessDeniedException("a Tandem role is required to use the provider directory");
        }
    }
}
