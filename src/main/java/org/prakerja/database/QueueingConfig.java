package org.prakerja.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every data source, embedded or named by PRAKERJA_DB_URL, hands out queueing connections. */
@Configuration(proxyBeanMethods = false)
class QueueingConfig {

    @Bean
    static BeanPostProcessor queueingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof QueueingDataSource)
                        ? new QueueingDataSource(dataSource) : bean;
            }
        };
    }
}
