+vigil_warning(Rule, Value, Detail)[source(vigil)]
    <- vigil.violations(Mine);
       .length(Mine, N);
       .print("my violations: ", N);
       Mine = [violation(Id, R, V, S, Agents, D, T)];
       .print("violation ", R, " ", V, " ", S, " ", Agents, " ", D);
       vigil.violations(all, All);
       .length(All, A);
       .print("all violations: ", A);
       vigil.reputation(self, Rep);
       .print("my reputation in percent: ", math.round(Rep * 100));
       vigil.reputation(alice, RA);
       .print("alice's reputation: ", RA).

+vigil_reputation(R)[source(vigil)] <- .print("reputation belief in percent: ", math.round(R * 100)).
