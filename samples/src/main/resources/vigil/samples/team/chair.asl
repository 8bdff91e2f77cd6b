// The chair hears the members' statements; the votes go to the environment, which counts them. When the
// environment shows it that a member misread the question, it sends that member the evidence.
+phase(Q, check) <- for (recheck(M, Q, A)) { +evidence(Q, A); .send(M, tell, evidence(Q, A)) }.
