{ include("$jacamo/templates/common-cartago.asl") }
{ include("$jacamo/templates/common-moise.asl") }
{ include("$jacamo/templates/org-obedient.asl") }

!work.

+!work
    <- withdraw(20);
       ?balance(B);
       .print("balance after a small withdrawal: ", B);
       !empty_the_safe.

+!empty_the_safe
    <- withdraw(1000);
       ?balance(B);
       .print("safe emptied, balance ", B).

-!empty_the_safe[error(action_failed), vigil_blocked(R)]
    <- ?balance(B);
       .print("withdrawal blocked, balance still ", B);
       !join_the_desk.

+!join_the_desk
    <- joinWorkspace("/main/bank", W);
       lookupArtifact(desk, G)[wid(W)];
       focus(G)[wid(W)];
       adoptRole(manager)[artifact_id(G)].

-!join_the_desk[error(action_failed), vigil_blocked(R)]
    <- .print("role manager refused");
       joinWorkspace("/main/bank", W);
       lookupArtifact(desk, G)[wid(W)];
       adoptRole(clerk)[artifact_id(G)];
       .print("role clerk adopted");
       lookupArtifact(reporting, S)[wid(W)];
       focus(S)[wid(W)];
       addScheme(reporting)[artifact_id(G)];
       commitMission(m_write)[artifact_id(S)];
       .print("committed to m_write").

+!write_report[scheme(S)]
    <- .print("report written for ", S);
       .send(auditor, tell, report_ready).
