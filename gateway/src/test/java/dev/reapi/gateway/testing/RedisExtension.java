package dev.reapi.gateway.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The behaviour behind {@link RequiresRedis}. */
final class RedisExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var reason = TestRedis.unavailableReason();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("Redis is available");
        }
        if (ServiceGate.inCi()) {
            throw new IllegalStateException(reason.get() + " (CI=true, so this fails)");
        }
        return ConditionEvaluationResult.disabled(reason.get());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRedis.RedisKeyspace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return TestResources.track(context, TestRedis.freshKeyspace());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestResources.closeAll(context);
    }
}
