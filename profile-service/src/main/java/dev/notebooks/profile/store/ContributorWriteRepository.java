package dev.notebooks.profile.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ContributorWriteRepository extends CrudRepository<ContributorWrite, Long> {

    Optional<ContributorWrite> findByBindingUidAndAction(String bindingUid, String action);

    void deleteByBindingUid(String bindingUid);
}
