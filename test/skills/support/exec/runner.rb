# Runs many skill examples in one Ruby process (the official SDK is required once).
#
# Usage: ruby -I <sdk lib> -I <vendor> runner.rb EXAMPLES_JSON START PROXY_URL TIMEOUT_SECONDS
# EXAMPLES_JSON holds [{"id": ..., "parts": [{"file": ..., "line": ..., "code": ...}]}]. Each example
# is evaluated in a fresh binding (its parts one after the other in it: the skill's setup block, then
# the example), with TELNYX_BASE_URL pointing at the proxy under the example's own prefix, $stdout and
# $stderr captured, and a timeout. One JSON line per event goes to file descriptor 3, so the
# examples' own printing cannot corrupt it. The text of an example is never changed.
require "json"
require "stringio"
require "timeout"

EVENTS = IO.new(3, "w")
EVENTS.sync = true

def emit(fields)
  EVENTS.write(JSON.generate(fields) + "\n")
end

# A binding of its own for each example: local variables do not leak from one to the next.
def fresh_binding
  binding
end

examples = JSON.parse(File.read(ARGV[0]))
start = Integer(ARGV[1])
proxy = ARGV[2]
limit = Float(ARGV[3])
began = Process.clock_gettime(Process::CLOCK_MONOTONIC)
require "telnyx"
emit(event: "ready", import_ms: ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - began) * 1000).round)

# What the official SDK made of each call's keyword arguments, read from the SDK as it runs: every
# params model's dump_request sees the hash the example passed (keys that are not fields of the model
# are the ones the SDK drops), and every resource method is wrapped to note the hash it was given, the
# names of its positional parameters, and a call that took a hash without reading it at all.
$params_seen = []
module Telnyx::Internal::Type::RequestParameters::Converter
  alias_method :__harness_dump_request, :dump_request
  def dump_request(params)
    if params.is_a?(Hash) && respond_to?(:known_fields)
      known = known_fields.keys
      given = params.keys.map(&:to_sym) - [:request_options]
      required = known.select { |k| known_fields[k][:required] }
      # Fields the dump keys by another (wire) name: a method that reads its body back under the
      # field's own name (`parsed[:network_create]`) then finds nothing there.
      renamed = (given & known).filter_map do |k|
        api = known_fields[k][:api_name]
        [k, api] if api && api.to_sym != k
      end
      $params_seen << { model: name.to_s, unknown: given - known, known: known, required: required, renamed: renamed }
    end
    __harness_dump_request(params)
  end
end

def resource_classes(mod, found = [])
  mod.constants.each do |name|
    value = mod.const_get(name)
    next unless value.is_a?(Module) && value.name&.start_with?("Telnyx::Resources")
    next if found.include?(value)
    found << value if value.is_a?(Class)
    resource_classes(value, found)
  end
  found
end

resource_classes(Telnyx::Resources).each do |klass|
  methods = klass.public_instance_methods(false)
  next if methods.empty?
  probe = Module.new do
    methods.each do |m|
      positional = klass.instance_method(m).parameters.select { |kind, _| %i[req opt].include?(kind) }.map(&:last) - [:params]
      define_method(m) do |*args, &blk|
        before = $params_seen.length
        begin
          super(*args, &blk)
        ensure
          if $params_seen.length > before
            $params_seen[before..].each { |seen| seen[:positional] = positional }
          elsif args.last.is_a?(Hash) && !(keys = args.last.keys.map(&:to_sym) - [:request_options]).empty?
            $params_seen << { model: "#{klass.name}##{m}", unknown: keys, known: [], required: [], positional: positional }
          end
        end
      end
      ruby2_keywords(m)
    end
  end
  klass.prepend(probe)
end

out, err = $stdout, $stderr
(start...examples.length).each do |index|
  example = examples[index]
  emit(event: "start", index: index)
  ENV["TELNYX_BASE_URL"] = "#{proxy}/__ex/#{example["id"]}"
  files = example["parts"].map { |part| part["file"] }
  output = StringIO.new
  error = nil
  $params_seen = []
  clock = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  begin
    $stdout = output
    $stderr = output
    scope = fresh_binding
    Timeout.timeout(limit) do
      example["parts"].each { |part| eval(part["code"], scope, part["file"], part["line"] + 1) }
    end
  rescue Timeout::Error
    error = { type: "Timeout", message: "still running after #{limit} s" }
  rescue Exception => e # rubocop:disable Lint/RescueException (SystemExit included)
    at = (e.backtrace || []).find { |line| files.any? { |f| line.start_with?("#{f}:") } }
    error = { type: e.class.name, message: e.message.to_s.gsub(/\s+/, " ")[0, 600], at: at.to_s.sub(/:in .*/, "") }
    error[:cause] = "#{e.cause.class.name}: #{e.cause.message.to_s.gsub(/\s+/, " ")[0, 300]}" if e.cause
    error[:params] = $params_seen unless $params_seen.empty?
  ensure
    $stdout = out
    $stderr = err
  end
  emit(
    event: "done",
    index: index,
    ok: error.nil?,
    error: error,
    ms: ((Process.clock_gettime(Process::CLOCK_MONOTONIC) - clock) * 1000).round,
    output: output.string[-400..] || output.string,
    ignored: $params_seen.reject { |p| p[:unknown].empty? }
  )
end
