package org.tandem.store.internal.provider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.Page;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderMatch;
import org.tandem.api.referral.ProviderQuery;
import org.tandem.api.referral.ProviderRepository;
import org.tandem.api.store.StoreInfo;
import org.tandem.store.internal.jdbc.Jdbc;
import org.tandem.store.internal.jdbc.TypedQuery;

/**
 * The provider directory in plain JDBC. Searching ranks in SQL (so paging stays in the database): providers
 * accepting referrals first, then those speaking the language asked for (primary subtag), then by name.
 */
@Component(service = ProviderRepository.class, configurationPid = "org.tandem.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class JdbcProviderRepository implements ProviderRepository {

    private final DataSource dataSource;

    @Activate
    public JdbcProviderRepository(@Reference(name = "dataSource", target = "(dataSourceName=tandem)") DataSource dataSource,
            @Reference(name = "storeInfo") StoreInfo ready) {
        this(dataSource);
    }

    public JdbcProviderRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void insert(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        Jdbc.inTransaction(dataSource, "insert provider", c -> {
            ProviderWriter.insert(c, provider);
            return null;
        });
    }

    @Override
    public boolean update(Provider provider) {
        Objects.requireNonNull(provider, "provider");
        return Jdbc.inTransaction(dataSource, "update provider", c -> ProviderWriter.update(c, provider));
    }

    @Override
    public int saveAll(List<Provider> providers) {
        Objects.requireNonNull(providers, "providers");
        return Jdbc.inTransaction(dataSource, "save providers", c -> {
            int created = 0;
            for (Provider p : providers) {
                if (!ProviderWriter.update(c, p)) {
                    ProviderWriter.insert(c, p);
                    created++;
                }
            }
            return created;
        });
    }

    @Override
    public Optional<Provider> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return Jdbc.withConnection(dataSource, "find provider", c -> ProviderReader.load(c, List.of(id)))
                .stream().findFirst();
    }

    @Override
    public Page<ProviderMatch> search(ProviderQuery query) {
        checkPage(query.page(), query.size());
        List<Object> whereParams = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.service() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM provider_service s WHERE s.provider_id = p.id AND s.category = ?)");
            whereParams.add(query.service().name());
        }
        if (query.area() != null && !query.area().isBlank()) {
            boolean zip = ProviderKeys.ZIP.matcher(query.area().strip()).matches();
            where.append(" AND (p.statewide = TRUE OR EXISTS (SELECT 1 FROM provider_area a WHERE a.provider_id = p.id"
                    + " AND a.kind = ? AND a.area_key = ?))");
            whereParams.add(zip ? "ZIP" : "COUNTY");
            whereParams.add(zip ? query.area().strip() : ProviderKeys.countyKey(query.area()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String like = ProviderKeys.containsPattern(query.text());
            where.append(" AND (LOWER(p.name) LIKE ? ESCAPE '!' OR LOWER(p.description) LIKE ? ESCAPE '!'"
                    + " OR EXISTS (SELECT 1 FROM provider_service t WHERE t.provider_id = p.id"
                    + " AND (LOWER(t.name) LIKE ? ESCAPE '!' OR LOWER(t.description) LIKE ? ESCAPE '!')))");
            whereParams.addAll(List.of(like, like, like, like));
        }
        boolean byLanguage = query.language() != null && !query.language().isBlank();
        List<Object> selectParams = new ArrayList<>();
        String languageJoin = "";
        String languageRank = "0";
        if (byLanguage) {
            languageJoin = " LEFT JOIN (SELECT DISTINCT provider_id FROM provider_language WHERE primary_tag = ?) lm"
                    + " ON lm.provider_id = p.id";
            languageRank = "CASE WHEN lm.provider_id IS NULL THEN 0 ELSE 1 END";
            selectParams.add(ProviderKeys.primaryTag(query.language()));
        }
        long offset = (long) query.page() * query.size();
        String select = "SELECT p.id, " + languageRank + " AS language_match,"
                + " CASE WHEN p.accepting_referrals = TRUE THEN 0 ELSE 1 END AS accepting_rank,"
                + " LOWER(p.name) AS name_key FROM provider p" + languageJoin + where
                + " ORDER BY accepting_rank, language_match DESC, name_key, p.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<Object> params = new ArrayList<>(selectParams);
        params.addAll(whereParams);
        params.add(offset);
        params.add((long) query.size());
        return Jdbc.withConnection(dataSource, "search providers", c -> {
            long total = query(c, "SELECT COUNT(*) FROM provider p" + where, whereParams, rs -> rs.getLong(1)).get(0);
            if (offset >= total) {
                return new Page<>(List.of(), query.page(), query.size(), total);
            }
            Map<String, Boolean> matches = new HashMap<>();
            List<String> ids = query(c, select, params, rs -> {
                matches.put(rs.getString(1), rs.getInt(2) == 1);
                return rs.getString(1);
            });
            List<ProviderMatch> items = ProviderReader.load(c, ids).stream()
                    .map(p -> new ProviderMatch(p, matches.get(p.id()))).toList();
            return new Page<>(items, query.page(), query.size(), total);
        });
    }

    @Override
    public Page<Provider> list(int page, int size) {
        checkPage(page, size);
        long offset = (long) page * size;
        return Jdbc.withConnection(dataSource, "list providers", c -> {
            long total = query(c, "SELECT COUNT(*) FROM provider", List.of(), rs -> rs.getLong(1)).get(0);
            List<String> ids = query(c, "SELECT id, LOWER(name) AS name_key FROM provider ORDER BY name_key, id"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", List.of(offset, (long) size), rs -> rs.getString(1));
            return new Page<>(ProviderReader.load(c, ids), page, size, total);
        });
    }

    @Override
    public List<String> idsForAgency(String agencyId) {
        if (agencyId == null) {
            return List.of();
        }
        return Jdbc.withConnection(dataSource, "providers of agency", c -> Jdbc.query(c,
                "SELECT id FROM provider WHERE agency_id = ? ORDER BY id", List.of(agencyId), rs -> rs.getString(1)));
    }

    @Override
    public long count() {
        return Jdbc.withConnection(dataSource, "count providers",
                c -> query(c, "SELECT COUNT(*) FROM provider", List.of(), rs -> rs.getLong(1)).get(0));
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new IllegalArgumentException("Invalid page " + page + " / size " + size + " (page >= 0, 1 <= size <= "
                    + Page.MAX_SIZE + ")");
        }
    }

    private static <T> List<T> query(Connection c, String sql, List<?> params, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        return TypedQuery.query(c, sql, params, mapper);
    }
}
