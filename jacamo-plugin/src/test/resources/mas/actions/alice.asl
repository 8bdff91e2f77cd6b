!start.
+!start
    <- vigil.active_rules(Rules);
       .length(Rules, N);
       .print("rules: ", N);
       .member(rule(Name, Value, Level, Severity, Path), Rules);
       .print("rule ", Name, " protects ", Value, " ", Level, " ", Severity, " ", Path);
       vigil.report(fairness, "bob keeps me out of the calls", bob);
       vigil.violations(Mine);
       .length(Mine, M);
       .print("my violations: ", M).
