package dev.notebooks.notebook.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NotebookObservationRepository extends CrudRepository<NotebookObservation, String> {

    /** Read with the row locked to the end of the transaction: the reconciler and the delete handler take turns. */
    Optional<NotebookObservation> findByIdForUpdate(String id);
}
