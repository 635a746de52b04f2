package dev.notebooks.volume.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface VolumeUseRepository extends GenericRepository<VolumeUse, String> {

    /** Records a use at {@code at}, keeping a later one already recorded (events may arrive late). */
    @Query("insert into volume_use (id, namespace, name, last_used_at) values (:id, :namespace, :name, :at)"
            + " on conflict (id) do update set last_used_at = greatest(volume_use.last_used_at, excluded.last_used_at)")
    void used(String id, String namespace, String name, Instant at);

    List<VolumeUse> findByNamespace(String namespace);

    List<VolumeUse> findAll();
}
