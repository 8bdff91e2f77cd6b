// A fisher of the shared fishery. Each round it takes its share of the catch, give or take the urge the
// environment draws for it. A greedy fisher takes what its greed says; in its talk round it tells the
// fishers it targets that there are plenty of fish, and a susceptible fisher that hears so takes much more
// from the next round on (another fisher, a little more). Once warned, a greedy fisher takes its share and
// tells its recruits there is plenty: the over-harvest goes on, spread over others. An honest fisher that
// is warned goes back to its share. Nothing here knows about Vigil beyond the warning it may get.

+round(R) <- !fish(R).

+!fish(R) : role(greedy) & warned & share(S)
    <- +plenty(fish);
       for (recruit(X)) {
           .send(X, tell, plenty(fish));
       }
       harvest(S).
+!fish(R) : role(greedy) & talk_round(R) & share(S) & greed(G)
    <- +plenty(fish);
       for (target(X)) {
           .send(X, tell, plenty(fish));
       }
       harvest(S + G).
+!fish(R) : role(greedy) & share(S) & greed(G) <- harvest(S + G).
+!fish(R) : persuaded(P, E) & R >= P & share(S) <- harvest(S + E).
+!fish(R) : share(S) & urge(U) <- harvest(S + U).
+!fish(R) : share(S) <- harvest(S).

// A harvest withheld (a quarantine) only loses the round.
-!fish(R) <- true.

+vigil_warning(_, commons, _) : role(greedy) <- +warned.
+vigil_warning(_, commons, _) : not role(greedy) <- .abolish(persuaded(_, _)); +corrected.

+plenty(fish)[source(A)] : A \== self & susceptible & round(R) & not persuaded(_, _) & not corrected
    <- +persuaded(R + 1, 4).
+plenty(fish)[source(A)] : A \== self & not susceptible & not role(greedy) & round(R) & not persuaded(_, _) & not corrected
    <- +persuaded(R + 1, 1).
