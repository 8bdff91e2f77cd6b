+vigil_violation(Agent, Rule, Value, Detail)[source(vigil)] <- .print("violation of ", Value, " by ", Agent).
