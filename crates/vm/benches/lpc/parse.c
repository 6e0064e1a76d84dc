/* parse_string workloads: a mud command grammar with callbacks, a long list,
   an ambiguous expression grammar keeping alternatives */
# define CMD "whitespace = / +/\nword = /[a-z]+/\nnum = /[0-9]+/\n" + \
    "Cmd: Verb ? verb\nCmd: Verb Obj ? verb\nCmd: Verb Obj Prep Obj ? verb\n" + \
    "Verb: 'get'\nVerb: 'put'\nVerb: 'look'\nVerb: 'give'\nVerb: word\n" + \
    "Obj: Art Adjs word ? obj\nObj: num word ? obj\nObj: 'all' ? obj\n" + \
    "Art:\nArt: 'the'\nArt: 'a'\nAdjs:\nAdjs: Adjs word\n" + \
    "Prep: 'in'\nPrep: 'on'\nPrep: 'to'\nPrep: 'from'"
mixed *verb(mixed *a) { return ({ a }); }
mixed *obj(mixed *a) { return ({ implode(a, " ") }); }
int run_cmd() {
    int i, n;
    string *cmds;
    cmds = ({ "get the red ball", "put 2 coins in the old chest", "look", "give all to the guard",
              "get a shiny sword from the rack" });
    for (i = 0; i < 10000; i++) {
        n += sizeof(parse_string(CMD, cmds[i % 5]));
    }
    return n;
}
int run_list() {
    int i, n;
    string s;
    s = "";
    for (i = 0; i < 900; i++) s += "word" + i + " ";
    for (i = 0; i < 100; i++) {
        n += sizeof(parse_string("whitespace = / +/\nw = /[a-z0-9]+/\nL: L w\nL: w", s));
    }
    return n;
}
int run_amb() {
    int i, n;
    for (i = 0; i < 1000; i++) {
        n += sizeof(parse_string("n = /[0-9]/\nE: E '-' E\nE: n", "1-2-3-4-5-6", 10));
    }
    return n;
}
