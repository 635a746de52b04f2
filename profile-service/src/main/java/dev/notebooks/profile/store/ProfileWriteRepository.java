package dev.notebooks.profile.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProfileWriteRepository extends CrudRepository<ProfileWrite, Long> {

    Optional<ProfileWrite> findByUidAndGeneration(String uid, long generation);

    void deleteByUid(String uid);
}
