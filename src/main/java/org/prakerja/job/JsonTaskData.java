package org.prakerja.job;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task data as JSON rather than db-scheduler's default Java serialization: readable in the table,
 * and a renamed class does not strand the jobs that were waiting when it was deployed.
 */
class JsonTaskData implements Serializer {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : json.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
        return data == null || type == Void.class ? null : json.readValue(data, type);
    }
}
