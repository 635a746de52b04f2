package dev.notebooks.profile.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContributorObservationRepository extends CrudRepository<ContributorObservation, Long> {

    List<ContributorObservation> findByProfile(String profile);

    void deleteByProfile(String profile);
}
