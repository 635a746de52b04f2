package dev.notebooks.auth.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccountRepository extends CrudRepository<AccountRow, String> {

    /** Up to {@code limit} accounts in email order, after {@code after}, whose email starts with {@code prefix}. */
    @Query(
            """
            SELECT * FROM account
            WHERE (CAST(:prefix AS text) IS NULL OR starts_with(email, CAST(:prefix AS text)))
              AND (CAST(:after AS text) IS NULL OR email > CAST(:after AS text))
            ORDER BY email
            LIMIT :limit""")
    List<AccountRow> page(@Nullable String prefix, @Nullable String after, int limit);

    List<AccountRow> findAllOrderByEmail();

    boolean existsByUserId(String userId);
}
