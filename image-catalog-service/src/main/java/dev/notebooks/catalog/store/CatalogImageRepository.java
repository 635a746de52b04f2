package dev.notebooks.catalog.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogImageRepository extends CrudRepository<CatalogImageRow, UUID> {

    List<CatalogImageRow> findAllOrderByServerTypeAscAndReferenceAsc();

    boolean existsByReference(String reference);

    Optional<CatalogImageRow> findByServerTypeAndDefaultImage(String serverType, boolean defaultImage);
}
