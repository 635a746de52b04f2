package dev.notebooks.auth.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PendingWriteRepository extends GenericRepository<PendingWrite, String> {

    @Query(
            """
            INSERT INTO dex_pending (email, seq) VALUES (:email, nextval('dex_pending_seq'))
            ON CONFLICT (email) DO UPDATE SET seq = excluded.seq""")
    void mark(String email);

    List<PendingWrite> findAll();

    /** Clears the mark if it is still the one read. */
    @Query("DELETE FROM dex_pending WHERE email = :email AND seq = :seq")
    void clear(String email, long seq);
}
