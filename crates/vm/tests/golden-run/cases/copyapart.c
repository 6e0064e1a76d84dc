mixed *arr;
mapping map;
object h;

void later()
{
    writeln(arr == h->get_arr());
    arr[0] = "changed later";
    writeln(h->get_arr()[0]);
    writeln(map == h->get_map());
}

void main()
{
    h = clone_object(compile_object("/obj/holder"));
    arr = ({ "orig", ({ 1 }) });
    map = ([ "k" : arr ]);
    h->set(arr, map);
    writeln(arr == h->get_arr());
    arr[0] = "changed now";
    writeln(h->get_arr()[0]);
    writeln(map["k"] == arr);
    call_out("later", 1);
}
