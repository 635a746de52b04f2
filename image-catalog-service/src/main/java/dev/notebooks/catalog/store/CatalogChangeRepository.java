package dev.notebooks.catalog.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogChangeRepository extends CrudRepository<CatalogChangeRow, Long> {

    List<CatalogChangeRow> findByImageIdOrderBySeqAsc(UUID imageId);

    /** @return the changes from {@code since} (inclusive) to {@code until} (exclusive), oldest first */
    List<CatalogChangeRow> findByChangedAtGreaterThanEqualsAndChangedAtLessThanOrderBySeqAsc(
            Instant since, Instant until);

    List<CatalogChangeRow> findByChangedAtLessThanEqualsOrderBySeqAsc(Instant at);
}
